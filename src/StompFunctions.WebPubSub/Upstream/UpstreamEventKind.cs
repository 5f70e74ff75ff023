namespace StompFunctions.WebPubSub.Upstream;

/// <summary>Which upstream event a request carries, from its <c>ce-type</c> (webpubsub-protocol.md §2.2).</summary>
internal enum UpstreamEventKind
{
    Connect,
    Connected,
    Disconnected,

    /// <summary>A user event; raw WebSocket clients only produce <c>message</c>.</summary>
    User,
}
