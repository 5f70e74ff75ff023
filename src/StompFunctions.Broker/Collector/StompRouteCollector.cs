using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Collector;

/// <summary>
/// Garbage-collects routes and spilled state (run it from a timer). For each destination it reads routes and
/// members in one partition query, removes members whose connection no longer exists (missed disconnected
/// events), then deletes each route left without members — conditional on the ETag it read, so a SUBSCRIBE
/// that upserted the route in between (new ETag) wins and its route survives. Then it lists connections with
/// spilled state and deletes the state of those that no longer exist (a lost disconnected event would
/// otherwise leave it forever; connection ids are never reused, so a gone connection cannot need it again).
/// With a <see cref="QueueBroker"/> it also passes over every queue: consumers of gone connections are removed and
/// their unsettled messages go back, and messages that wait while a consumer has room are handed over.
/// Stateless: runs on any instance, any number of times.
/// </summary>
public sealed partial class StompRouteCollector(IStompStateStore store, IConnectionGateway gateway, ILogger<StompRouteCollector> logger, QueueBroker? queues = null)
{
    private const int PageSize = 100;

    /// <summary>Upper bound of pages one run reads in each pass (the loops must end even if the store misbehaves).</summary>
    public int MaxPages { get; set; } = 1000;

    /// <summary>Runs one pass over every destination, then one over every connection with spilled state.</summary>
    public async Task<StompCollectionResult> CollectAsync(CancellationToken cancellationToken = default)
    {
        var scanned = 0;
        var membersRemoved = 0;
        var routesRemoved = 0;
        var routesKept = 0;
        var routesComplete = false;
        string? token = null;

        // Shared by both passes: a connection seen in a member row is not asked about again.
        var alive = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages && !routesComplete; page++)
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
            routesComplete = token is null;
        }

        var (spillsRemoved, spillsComplete) = await CollectSpilledStateAsync(alive, cancellationToken).ConfigureAwait(false);
        var (consumersRemoved, queuesComplete) = await CollectQueuesAsync(alive, cancellationToken).ConfigureAwait(false);
        Log.Collected(logger, scanned, membersRemoved, routesRemoved, routesKept, spillsRemoved, consumersRemoved);
        return new StompCollectionResult(scanned, membersRemoved, routesRemoved, routesKept, spillsRemoved, routesComplete && spillsComplete && queuesComplete, consumersRemoved);
    }

    /// <summary>
    /// Removes queue consumers whose connection no longer exists (their messages go back to the queue) and hands out
    /// messages that wait while a consumer has room; returns how many consumers were removed and whether every page was listed.
    /// </summary>
    public async Task<(int ConsumersRemoved, bool Complete)> CollectQueuesAsync(
        IDictionary<string, bool>? knownConnections = null, CancellationToken cancellationToken = default)
    {
        if (queues is null)
        {
            return (0, true);
        }

        knownConnections ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        var removed = 0;
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await queues.Store.ListQueuesAsync(token, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var queue in result.Destinations)
            {
                removed += await queues.CollectAsync(queue, (connection, ct) => ExistsAsync(connection, knownConnections, ct), cancellationToken).ConfigureAwait(false);
            }

            token = result.ContinuationToken;
            if (token is null)
            {
                return (removed, true);
            }
        }

        return (removed, false);
    }

    /// <summary>
    /// Deletes the spilled state and event marker of connections that no longer exist; returns for how many
    /// connections something was removed and whether every page was listed. Rows deleted in between (NotFound)
    /// were already collected.
    /// </summary>
    public async Task<(int Removed, bool Complete)> CollectSpilledStateAsync(
        IDictionary<string, bool>? knownConnections = null, CancellationToken cancellationToken = default)
    {
        knownConnections ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        var removed = 0;
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await store.ListSpilledConnectionsAsync(token, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var connectionId in result.ConnectionIds)
            {
                if (await ExistsAsync(connectionId, knownConnections, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var spill = await store.DeleteSpilledStateAsync(connectionId, cancellationToken).ConfigureAwait(false);
                var marker = await store.DeleteEventMarkerAsync(connectionId, cancellationToken).ConfigureAwait(false);
                if (spill == StoreOutcome.Ok || marker == StoreOutcome.Ok)
                {
                    removed++;
                }
            }

            token = result.ContinuationToken;
            if (token is null)
            {
                return (removed, true);
            }
        }

        return (removed, false);
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
            if (await ExistsAsync(member.ConnectionId, knownConnections, cancellationToken).ConfigureAwait(false))
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

    private async ValueTask<bool> ExistsAsync(string connectionId, IDictionary<string, bool> knownConnections, CancellationToken cancellationToken)
    {
        if (!knownConnections.TryGetValue(connectionId, out var exists))
        {
            exists = await gateway.ConnectionExistsAsync(connectionId, cancellationToken).ConfigureAwait(false);
            knownConnections[connectionId] = exists;
        }

        return exists;
    }

    private static partial class Log
    {
        // Broker event ids: collector 2100-2199.
        [LoggerMessage(2100, LogLevel.Information, "Route collection: {Destinations} destinations, {Members} stale members and {Routes} empty routes removed, {Kept} routes kept after a concurrent SUBSCRIBE, {Spills} spilled states of gone connections removed, {Consumers} queue consumers of gone connections removed.", EventName = nameof(Collected))]
        public static partial void Collected(ILogger logger, int destinations, int members, int routes, int kept, int spills, int consumers);
    }
}
