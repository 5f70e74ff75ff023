namespace StompFunctions.Emulator.Upstream;

/// <summary>One event to deliver to the hub's event handler as a CloudEvents binary-mode request.</summary>
internal sealed record UpstreamEvent(
    string Hub,
    string ConnectionId,
    string? UserId,
    string? Subprotocol,
    string? State,
    long EventId,
    string EventName,
    bool IsSystemEvent,
    ReadOnlyMemory<byte> Body,
    string ContentType)
{
    /// <summary>The <c>ce-type</c> value: <c>azure.webpubsub.sys.*</c> or <c>azure.webpubsub.user.*</c>.</summary>
    public string CloudEventType => (IsSystemEvent, EventName) switch
    {
        (false, "message") => "azure.webpubsub.user.message",
        (true, "connect") => "azure.webpubsub.sys.connect",
        (true, "connected") => "azure.webpubsub.sys.connected",
        (true, "disconnected") => "azure.webpubsub.sys.disconnected",
        _ => (IsSystemEvent ? "azure.webpubsub.sys." : "azure.webpubsub.user.") + EventName,
    };
}
