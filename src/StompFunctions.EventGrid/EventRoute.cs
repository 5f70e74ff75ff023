namespace StompFunctions.EventGrid;

/// <summary>
/// One rule of the ingress mapping: events whose type, subject and source match go to
/// <see cref="Destination"/>. A pattern is either exact or a prefix ending in <c>*</c>; an unset
/// pattern matches everything. Matching is ordinal and case-sensitive, as Event Grid's own
/// subject filters are by default.
/// </summary>
public sealed class EventRoute
{
    /// <summary>Event type pattern, e.g. <c>Microsoft.Storage.BlobCreated</c> or <c>Microsoft.Storage.*</c>.</summary>
    public string? EventType { get; set; }

    /// <summary>Subject pattern, e.g. <c>/blobServices/default/containers/images/*</c>.</summary>
    public string? Subject { get; set; }

    /// <summary>Source pattern (CloudEvents <c>source</c>, Event Grid <c>topic</c>).</summary>
    public string? Source { get; set; }

    /// <summary>
    /// STOMP destination template. <c>{type}</c>, <c>{subject}</c>, <c>{source}</c> and <c>{id}</c>
    /// are replaced by the event's values (an absent value by nothing), e.g. <c>/topic/blobs{subject}</c>.
    /// </summary>
    public string Destination { get; set; } = "";
}
