namespace StompFunctions.WebPubSub.Upstream;

/// <summary>Header names of the upstream protocol (webpubsub-protocol.md §2.2, §2.4, §2.9); HTTP header names are case-insensitive.</summary>
internal static class CloudEventHeaders
{
    public const string Type = "ce-type";
    public const string Hub = "ce-hub";
    public const string ConnectionId = "ce-connectionId";
    public const string UserId = "ce-userId";
    public const string EventName = "ce-eventName";
    public const string Subprotocol = "ce-subprotocol";
    public const string ConnectionState = "ce-connectionState";
    public const string Signature = "ce-signature";
    public const string Id = "ce-id";
    public const string RequestOrigin = "WebHook-Request-Origin";
    public const string AllowedOrigin = "WebHook-Allowed-Origin";
}
