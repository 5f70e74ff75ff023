namespace StompFunctions.Emulator;

/// <summary>Settings of one hub, named as in the service's hub settings (ARM <c>WebPubSubHubProperties</c>).</summary>
public sealed class EmulatorHubOptions
{
    /// <summary>Event handlers in order; for each event the first that matches receives it.</summary>
    public IList<EmulatorEventHandlerOptions> EventHandlers { get; } = [];

    /// <summary>Whether clients may connect without an access token (the service's default is deny).</summary>
    public AnonymousConnectPolicy AnonymousConnectPolicy { get; set; } = AnonymousConnectPolicy.Deny;

    /// <summary>Interval of WebSocket pings to clients, 1–120 seconds (the service's default is 20).</summary>
    public int WebSocketKeepAliveIntervalInSeconds { get; set; } = 20;
}
