using System.Globalization;
using Microsoft.Extensions.Options;
using StompFunctions.EventGrid.Parsing;
using StompFunctions.EventGrid.Routing;

namespace StompFunctions.EventGrid;

/// <summary>
/// Turns an Event Grid delivery (CloudEvents 1.0 or Event Grid schema, one event or an array)
/// into the STOMP messages <see cref="EventGridRoutingOptions"/> asks for. Pure: it publishes nothing.
/// </summary>
public sealed class EventGridMapping
{
    private readonly IOptionsMonitor<EventGridRoutingOptions> _options;

    public EventGridMapping(IOptionsMonitor<EventGridRoutingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Maps every event of <paramref name="payload"/>; an unreadable payload maps to none, with the reason.</summary>
    public EventMappingResult Map(BinaryData payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!EventPayloadParser.TryParse(payload, out var events, out var error))
        {
            return new EventMappingResult([], 0, 0, 0, error);
        }

        var options = _options.CurrentValue;
        var publications = new List<EventPublication>(events.Count);
        var destinations = new HashSet<string>(StringComparer.Ordinal);
        int unrouted = 0, rejected = 0;
        foreach (var e in events)
        {
            destinations.Clear();
            var matched = false;
            var valid = true;
            foreach (var route in options.Routes)
            {
                if (EventPattern.Matches(route.EventType, e.Type) && EventPattern.Matches(route.Subject, e.Subject) && EventPattern.Matches(route.Source, e.Source))
                {
                    matched = true;
                    valid &= Add(route.Destination, e, options, destinations, publications);
                }
            }

            if (!matched)
            {
                if (string.IsNullOrEmpty(options.UnmatchedDestination))
                {
                    unrouted++;
                    continue;
                }

                valid = Add(options.UnmatchedDestination, e, options, destinations, publications);
            }

            rejected += valid ? 0 : 1;
        }

        return new EventMappingResult(publications, events.Count, unrouted, rejected, null);
    }

    private static bool Add(string template, IncomingEvent e, EventGridRoutingOptions options, HashSet<string> destinations, List<EventPublication> publications)
    {
        if (!DestinationTemplate.TryExpand(template, e, out var destination))
        {
            return false;
        }

        if (destinations.Add(destination))
        {
            publications.Add(new EventPublication(destination, e.DataContentType, e.Data, options.IncludeEventHeaders ? Headers(e) : []));
        }

        return true;
    }

    private static KeyValuePair<string, string>[] Headers(IncomingEvent e)
    {
        var headers = new List<KeyValuePair<string, string>>(5)
        {
            new("ce-id", e.Id),
            new("ce-type", e.Type),
        };
        if (e.Source is not null)
        {
            headers.Add(new("ce-source", e.Source));
        }

        if (e.Subject is not null)
        {
            headers.Add(new("ce-subject", e.Subject));
        }

        if (e.Time is { } time)
        {
            headers.Add(new("ce-time", time.ToString("O", CultureInfo.InvariantCulture)));
        }

        return [.. headers];
    }
}
