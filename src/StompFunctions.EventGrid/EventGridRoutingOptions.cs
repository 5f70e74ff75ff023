namespace StompFunctions.EventGrid;

/// <summary>
/// Which STOMP destinations incoming Azure events are published to. Bound from the
/// <c>EventGrid</c> configuration section, e.g. the app settings
/// <c>EventGrid__Routes__0__EventType=Microsoft.Storage.BlobCreated</c> and
/// <c>EventGrid__Routes__0__Destination=/topic/blobs{subject}</c>.
/// </summary>
public sealed class EventGridRoutingOptions
{
    /// <summary>The default destination of events no route matches.</summary>
    public const string DefaultUnmatchedDestination = "/topic/events/{type}";

    /// <summary>
    /// Rules tried for every event. Every matching rule publishes (each distinct destination once),
    /// so a specific route and a catch-all can coexist.
    /// </summary>
    public IList<EventRoute> Routes { get; } = [];

    /// <summary>
    /// Destination template for events that match no route; empty drops them (they are counted and
    /// logged, never retried). Defaults to <see cref="DefaultUnmatchedDestination"/>.
    /// </summary>
    public string? UnmatchedDestination { get; set; } = DefaultUnmatchedDestination;

    /// <summary>
    /// Whether each message carries the event's identity as <c>ce-id</c>, <c>ce-type</c>,
    /// <c>ce-source</c>, <c>ce-subject</c> and <c>ce-time</c> headers (CloudEvents' HTTP binding names).
    /// </summary>
    public bool IncludeEventHeaders { get; set; } = true;

    /// <summary>
    /// Origins the webhook accepts in the CloudEvents validation request (<c>WebHook-Request-Origin</c>);
    /// <c>*</c> accepts any. Empty (the default) accepts Event Grid's own origin, <c>eventgrid.azure.net</c>, only.
    /// </summary>
    public IList<string> WebhookAllowedOrigins { get; } = [];
}
