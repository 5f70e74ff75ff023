
namespace StompFunctions.Emulator.Upstream;

internal sealed partial class UpstreamClient
{
    private static partial class Log
    {
        [LoggerMessage(4110, LogLevel.Debug, "Event {EventName} of connection {ConnectionId} answered with {StatusCode}", EventName = nameof(Delivered))]
        public static partial void Delivered(ILogger logger, string eventName, string connectionId, int statusCode);

        [LoggerMessage(4111, LogLevel.Warning, "Event {EventName} of connection {ConnectionId} could not be delivered: {Error}", EventName = nameof(DeliveryFailed))]
        public static partial void DeliveryFailed(ILogger logger, string eventName, string connectionId, string error);

        [LoggerMessage(4112, LogLevel.Warning, "The event handler URL template of hub {Hub} is not an absolute http(s) URL", EventName = nameof(BadUrlTemplate))]
        public static partial void BadUrlTemplate(ILogger logger, string hub);

        [LoggerMessage(4113, LogLevel.Warning, "The answer to event {EventName} of connection {ConnectionId} exceeds 16 MiB", EventName = nameof(AnswerTooLarge))]
        public static partial void AnswerTooLarge(ILogger logger, string eventName, string connectionId);

        [LoggerMessage(4114, LogLevel.Warning, "Event {EventName} of connection {ConnectionId} was not delivered: its user id holds a control character, which the Utf8 user-id header encoding cannot carry", EventName = nameof(UserIdNotCarried))]
        public static partial void UserIdNotCarried(ILogger logger, string eventName, string connectionId);
    }
}
