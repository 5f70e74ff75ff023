using Microsoft.Extensions.Logging;
using StompFunctions.Broker;

namespace StompFunctions.EventGrid;

/// <summary>
/// The Event Grid trigger's whole job: map a delivery with <see cref="EventGridMapping"/> and publish
/// each message through the engine's <see cref="IStompPublisher"/>, with the same fan-out as a client SEND.
/// </summary>
/// <remarks>
/// An unreadable delivery is logged and dropped, not thrown: Event Grid would only retry the same bytes.
/// A store or gateway failure propagates, so Event Grid retries the delivery; messages published before
/// the failure are then published again (at-least-once, as Event Grid itself delivers).
/// </remarks>
public sealed partial class EventGridIngress
{
    private readonly EventGridMapping _mapping;
    private readonly IStompPublisher _publisher;
    private readonly ILogger _logger;

    public EventGridIngress(EventGridMapping mapping, IStompPublisher publisher, ILogger<EventGridIngress> logger)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(logger);
        _mapping = mapping;
        _publisher = publisher;
        _logger = logger;
    }

    /// <summary>Publishes every event of one delivery (an event or a JSON array of events, either schema).</summary>
    public async Task<EventIngressResult> PublishAsync(BinaryData payload, CancellationToken cancellationToken = default)
    {
        var mapped = _mapping.Map(payload);
        if (!mapped.IsValid)
        {
            Log.Unreadable(_logger, mapped.Error);
            return new EventIngressResult(0, 0, 0, 1, mapped.Error);
        }

        var routes = 0;
        foreach (var publication in mapped.Publications)
        {
            routes += await _publisher.PublishAsync(publication.Destination, publication.Body, Headers(publication), cancellationToken).ConfigureAwait(false);
        }

        var dropped = mapped.UnroutedCount + mapped.RejectedCount;
        if (mapped.RejectedCount > 0)
        {
            Log.Rejected(_logger, mapped.RejectedCount);
        }

        Log.Published(_logger, mapped.EventCount, mapped.Publications.Count, routes, dropped);
        return new EventIngressResult(mapped.EventCount, mapped.Publications.Count, routes, dropped, null);
    }

    private static IEnumerable<KeyValuePair<string, string>> Headers(EventPublication publication)
    {
        if (publication.ContentType is null)
        {
            return publication.Headers;
        }

        var headers = new List<KeyValuePair<string, string>>(publication.Headers.Count + 1) { new("content-type", publication.ContentType) };
        headers.AddRange(publication.Headers);
        return headers;
    }
}
