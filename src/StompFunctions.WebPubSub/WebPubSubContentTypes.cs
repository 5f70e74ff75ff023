namespace StompFunctions.WebPubSub;

/// <summary>The only media types the data-plane send operations accept (webpubsub-protocol.md §3).</summary>
public static class WebPubSubContentTypes
{
    /// <summary>Delivered to raw WebSocket clients as a text message.</summary>
    public const string Text = "text/plain";

    /// <summary>Delivered to raw WebSocket clients as a binary message.</summary>
    public const string Binary = "application/octet-stream";

    /// <summary>Delivered to raw WebSocket clients as a text message.</summary>
    public const string Json = "application/json";
}
