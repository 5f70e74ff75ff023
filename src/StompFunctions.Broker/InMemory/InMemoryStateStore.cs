using System.Collections.Concurrent;
using System.Globalization;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.InMemory;

/// <summary>
/// The embedded state store: the default of the local stack and the double of the tests. It keeps the
/// Table Storage semantics the engine relies on (one partition per destination, a new ETag on every
/// write, ETag-conditional deletes) so code that passes against it behaves the same against Tables.
/// Not shared between processes: a multi-instance deployment needs the Table store.
/// </summary>
public sealed class InMemoryStateStore : IStompStateStore
{
    // A partition can be retired (removed from the map) while another thread holds a reference to it;
    // writers then retry against a fresh one. Two attempts suffice in practice; the bound keeps the loop finite.
    private const int MaxPartitionAttempts = 16;

    private readonly ConcurrentDictionary<string, DestinationPartition> _partitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SpilledState> _spilled = new(StringComparer.Ordinal);
    private readonly Lock _spillLock = new();
    private readonly ConcurrentDictionary<string, string> _eventMarkers = new(StringComparer.Ordinal);
    private long _etagCounter;
    private string _generation = NewGeneration();

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StompRoute>> GetRoutesAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<StompRoute> routes = _partitions.TryGetValue(destination, out var partition)
            ? partition.Routes
            : [];
        return new ValueTask<IReadOnlyList<StompRoute>>(routes);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StompRoute>> GetRoutesWithIndexAsync(string destination, string index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(index);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<StompRoute> own = _partitions.TryGetValue(destination, out var partition) ? partition.Routes : [];
        IReadOnlyList<StompRoute> indexed = _partitions.TryGetValue(index, out var indexPartition) ? indexPartition.Routes : [];
        IReadOnlyList<StompRoute> routes = indexed.Count == 0 ? own : own.Count == 0 ? indexed : [.. own, .. indexed];
        return new ValueTask<IReadOnlyList<StompRoute>>(routes);
    }

    /// <inheritdoc />
    public ValueTask AddSubscriptionAsync(StompRoute route, StompMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(member);
        if (!string.Equals(route.Destination, member.Destination, StringComparison.Ordinal)
            || !string.Equals(route.Group, member.Group, StringComparison.Ordinal))
        {
            throw new ArgumentException("The member must belong to the route's destination and group.", nameof(member));
        }

        cancellationToken.ThrowIfCancellationRequested();
        for (var attempt = 0; attempt < MaxPartitionAttempts; attempt++)
        {
            var partition = _partitions.GetOrAdd(route.Destination, static _ => new DestinationPartition());
            if (partition.TryAdd(route with { ETag = NextETag() }, member with { }))
            {
                return ValueTask.CompletedTask;
            }
        }

        throw new InvalidOperationException("The destination partition kept being retired; giving up.");
    }

    /// <inheritdoc />
    public ValueTask<StoreOutcome> RemoveMemberAsync(string destination, string group, string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_partitions.TryGetValue(destination, out var partition))
        {
            return new ValueTask<StoreOutcome>(StoreOutcome.NotFound);
        }

        var outcome = partition.RemoveMember(group, connectionId, out var nowEmpty);
        RetireIfEmpty(destination, partition, nowEmpty);
        return new ValueTask<StoreOutcome>(outcome);
    }

    /// <inheritdoc />
    public ValueTask<DestinationSnapshot> ReadDestinationAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        var snapshot = _partitions.TryGetValue(destination, out var partition)
            ? partition.Snapshot()
            : new DestinationSnapshot([], []);
        return new ValueTask<DestinationSnapshot>(snapshot);
    }

    /// <inheritdoc />
    public ValueTask<StoreOutcome> DeleteRouteAsync(string destination, string group, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(etag);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_partitions.TryGetValue(destination, out var partition))
        {
            return new ValueTask<StoreOutcome>(StoreOutcome.NotFound);
        }

        var outcome = partition.DeleteRoute(group, etag, out var nowEmpty);
        RetireIfEmpty(destination, partition, nowEmpty);
        return new ValueTask<StoreOutcome>(outcome);
    }

    /// <inheritdoc />
    public ValueTask<DestinationPage> ListDestinationsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var page = KeyPages.Next(_partitions.Keys, continuationToken, pageSizeHint, out var next);
        return new ValueTask<DestinationPage>(new DestinationPage(page, next));
    }

    /// <inheritdoc />
    public ValueTask<string> GetGenerationAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<string>(Volatile.Read(ref _generation));
    }

    /// <summary>
    /// Drops every row (routes, members, spilled state, event markers) and starts a new generation: what an in-memory
    /// Azurite restart does to the Table store. Connections keep their state; their next frame restores their routes.
    /// </summary>
    public void Clear()
    {
        _partitions.Clear();
        _spilled.Clear();
        _eventMarkers.Clear();
        Volatile.Write(ref _generation, NewGeneration());
    }

    /// <inheritdoc />
    public ValueTask<SpilledState?> ReadSpilledStateAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<SpilledState?>(_spilled.TryGetValue(connectionId, out var state) ? state : null);
    }

    /// <inheritdoc />
    public ValueTask<StoreWriteResult> WriteSpilledStateAsync(string connectionId, ReadOnlyMemory<byte> data, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_spillLock)
        {
            if (etag is not null)
            {
                if (!_spilled.TryGetValue(connectionId, out var current))
                {
                    return new ValueTask<StoreWriteResult>(new StoreWriteResult(StoreOutcome.NotFound, null));
                }

                if (!string.Equals(current.ETag, etag, StringComparison.Ordinal))
                {
                    return new ValueTask<StoreWriteResult>(new StoreWriteResult(StoreOutcome.Conflict, null));
                }
            }

            // Copy: the caller owns its buffer and may reuse it after the call.
            var stored = new SpilledState(data.ToArray(), NextETag());
            _spilled[connectionId] = stored;
            return new ValueTask<StoreWriteResult>(new StoreWriteResult(StoreOutcome.Ok, stored.ETag));
        }
    }

    /// <inheritdoc />
    public ValueTask<StoreOutcome> DeleteSpilledStateAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_spillLock)
        {
            return new ValueTask<StoreOutcome>(_spilled.TryRemove(connectionId, out _) ? StoreOutcome.Ok : StoreOutcome.NotFound);
        }
    }

    /// <inheritdoc />
    public ValueTask<ConnectionPage> ListSpilledConnectionsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var page = KeyPages.Next(_spilled.Keys.Union(_eventMarkers.Keys, StringComparer.Ordinal), continuationToken, pageSizeHint, out var next);
        return new ValueTask<ConnectionPage>(new ConnectionPage(page, next));
    }

    /// <inheritdoc />
    public ValueTask<EventClaim> ClaimEventAsync(string connectionId, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_spillLock)
        {
            var current = _eventMarkers.TryGetValue(connectionId, out var stored) ? stored : null;
            if (!string.Equals(current, version, StringComparison.Ordinal))
            {
                return new ValueTask<EventClaim>(new EventClaim(false, current));
            }

            var next = NextETag();
            _eventMarkers[connectionId] = next;
            return new ValueTask<EventClaim>(new EventClaim(true, next));
        }
    }

    /// <inheritdoc />
    public ValueTask<StoreOutcome> DeleteEventMarkerAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_spillLock)
        {
            return new ValueTask<StoreOutcome>(_eventMarkers.TryRemove(connectionId, out _) ? StoreOutcome.Ok : StoreOutcome.NotFound);
        }
    }

    private void RetireIfEmpty(string destination, DestinationPartition partition, bool nowEmpty)
    {
        if (nowEmpty)
        {
            _partitions.TryRemove(new KeyValuePair<string, DestinationPartition>(destination, partition));
        }
    }

    private string NextETag()
    {
        var value = Interlocked.Increment(ref _etagCounter);
        return string.Create(CultureInfo.InvariantCulture, $"W/\"{value}\"");
    }

    // 64 random bits: distinct from every earlier generation, and short, since each connection state carries one.
    private static string NewGeneration() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
