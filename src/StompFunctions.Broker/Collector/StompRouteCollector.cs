using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Collector;

/// <summary>
/// Garbage-collects routes (run it from a timer). For each destination it reads routes and members in one
/// partition query, removes members whose connection no longer exists (missed disconnected events), then
/// deletes each route left without members — conditional on the ETag it read, so a SUBSCRIBE that upserted
/// the route in between (new ETag) wins and its route survives. Stateless: runs on any instance, any number of times.
/// </summary>
public sealed partial class StompRouteCollector(IStompStateStore store, IConnectionGateway gateway, ILogger<StompRouteCollector> logger)
{
    private const int PageSize = 100;

    /// <summary>Upper bound of destination pages one run reads (the loop must end even if the store misbehaves).</summary>
    public int MaxPages { get; set; } = 1000;

    /// <summary>Runs one pass over every destination.</summary>
    public async Task<StompCollectionResult> CollectAsync(CancellationToken cancellationToken = default)
    {
        var scanned = 0;
        var membersRemoved = 0;
        var routesRemoved = 0;
        var routesKept = 0;
        string? token = null;
        var alive = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await store.ListDestinationsAsync(token, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var destination in result.Destinations)
            {
                var (members, removed, kept) = await CollectDestinationAsync(destination, alive, cancellationToken).ConfigureAwait(false);
                scanned++;
                membersRemoved += members;
                routesRemoved += removed;
                routesKept += kept;
            }

            token = result.ContinuationToken;
            if (token is null)
            {
                Log.Collected(logger, scanned, membersRemoved, routesRemoved, routesKept);
                return new StompCollectionResult(scanned, membersRemoved, routesRemoved, routesKept, true);
            }
        }

        Log.Collected(logger, scanned, membersRemoved, routesRemoved, routesKept);
        return new StompCollectionResult(scanned, membersRemoved, routesRemoved, routesKept, false);
    }

    /// <summary>Collects one destination; returns (members removed, routes removed, routes kept after a conflict).</summary>
    public async Task<(int MembersRemoved, int RoutesRemoved, int RoutesKept)> CollectDestinationAsync(
        string destination, IDictionary<string, bool>? knownConnections = null, CancellationToken cancellationToken = default)
    {
        knownConnections ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        var snapshot = await store.ReadDestinationAsync(destination, cancellationToken).ConfigureAwait(false);
        var occupied = new HashSet<string>(StringComparer.Ordinal);
        var membersRemoved = 0;
        foreach (var member in snapshot.Members)
        {
            if (!knownConnections.TryGetValue(member.ConnectionId, out var exists))
            {
                exists = await gateway.ConnectionExistsAsync(member.ConnectionId, cancellationToken).ConfigureAwait(false);
                knownConnections[member.ConnectionId] = exists;
            }

            if (exists)
            {
                occupied.Add(member.Group);
            }
            else if (await store.RemoveMemberAsync(destination, member.Group, member.ConnectionId, cancellationToken).ConfigureAwait(false) == StoreOutcome.Ok)
            {
                membersRemoved++;
            }
        }

        var routesRemoved = 0;
        var routesKept = 0;
        foreach (var route in snapshot.Routes)
        {
            if (occupied.Contains(route.Group) || route.ETag is null)
            {
                continue;
            }

            switch (await store.DeleteRouteAsync(destination, route.Group, route.ETag, cancellationToken).ConfigureAwait(false))
            {
                case StoreOutcome.Ok:
                    routesRemoved++;
                    break;
                case StoreOutcome.Conflict:
                    routesKept++;
                    break;
            }
        }

        return (membersRemoved, routesRemoved, routesKept);
    }

    private static partial class Log
    {
        // Broker event ids: collector 2100-2199.
        [LoggerMessage(2100, LogLevel.Information, "Route collection: {Destinations} destinations, {Members} stale members and {Routes} empty routes removed, {Kept} routes kept after a concurrent SUBSCRIBE.", EventName = nameof(Collected))]
        public static partial void Collected(ILogger logger, int destinations, int members, int routes, int kept);
    }
}
