namespace StompFunctions.Broker.Authorization;

/// <summary>The one message table of refusals by destination rules: the ERROR's <c>message</c> header and body.</summary>
internal static class DestinationDenials
{
    public static string Message(DestinationAction action, string destination) => action switch
    {
        DestinationAction.Subscribe => $"not allowed to subscribe to {destination}",
        DestinationAction.Send => $"not allowed to send to {destination}",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string Details(DestinationAction action, string destination) => action switch
    {
        DestinationAction.Subscribe => $"No destination rule lets this session's user and roles SUBSCRIBE to {destination}.",
        DestinationAction.Send => $"No destination rule lets this session's user and roles SEND to {destination}; nothing was delivered.",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
