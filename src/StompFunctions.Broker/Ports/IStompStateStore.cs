namespace StompFunctions.Broker.Ports;

/// <summary>
/// Shared state of the broker: routes and members per destination, and connection state too large for
/// <c>ce-connectionState</c>. Shaped for Azure Table Storage: everything about one destination lives in
/// one partition (keyed by the destination), so the hot paths are single requests:
/// <list type="bullet">
/// <item>SEND: <see cref="GetRoutesAsync"/>, one partition query, no write;</item>
/// <item>SUBSCRIBE: <see cref="AddSubscriptionAsync"/>, one entity-group transaction (route upsert + member upsert);</item>
/// <item>UNSUBSCRIBE and disconnect: <see cref="RemoveMemberAsync"/>, one delete per subscription;</item>
/// <item>CONNECT: nothing, unless the state spills (<see cref="WriteSpilledStateAsync"/>).</item>
/// </list>
/// Routes are never deleted on the hot path: the collector reads a destination with
/// <see cref="ReadDestinationAsync"/> and deletes member-less routes with <see cref="DeleteRouteAsync"/>,
/// conditional on the ETag it read, so a SUBSCRIBE that upserted the route in between (new ETag) wins.
/// It also lists spilled state and event markers with <see cref="ListSpilledConnectionsAsync"/> and deletes those of
/// gone connections. A SEND that reaches subscribers also claims its event (<see cref="ClaimEventAsync"/>, one
/// conditional write), so that a retried event is never fanned out twice.
/// <see cref="GetGenerationAsync"/> names the store's current generation, which changes when the store lost its rows, so
/// the engine can restore a connection's routes from its own state (docs/table-design.md, "Store generation").
/// Every method throws <see cref="StompStoreUnavailableException"/> when the store cannot answer.
/// </summary>
public interface IStompStateStore
{
    /// <summary>
    /// Reads the routes of a destination (one partition query). Returns an empty list when there are none.
    /// Implementations may return a shared immutable list; callers never modify it.
    /// </summary>
    ValueTask<IReadOnlyList<StompRoute>> GetRoutesAsync(string destination, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the routes of a destination and those of a second key (the wildcard index) together: the SEND to a topic.
    /// Table Storage answers both partitions in one query; this default, for stores that cannot, reads them one after
    /// the other. Each route keeps the destination it is stored under.
    /// </summary>
    async ValueTask<IReadOnlyList<StompRoute>> GetRoutesWithIndexAsync(string destination, string index, CancellationToken cancellationToken)
    {
        var own = await GetRoutesAsync(destination, cancellationToken).ConfigureAwait(false);
        var indexed = await GetRoutesAsync(index, cancellationToken).ConfigureAwait(false);
        return indexed.Count == 0 ? own : own.Count == 0 ? indexed : [.. own, .. indexed];
    }

    /// <summary>
    /// Records a subscription atomically: upserts the route (always giving it a new ETag, even when it
    /// already existed with the same values) and upserts the member. Idempotent.
    /// </summary>
    ValueTask AddSubscriptionAsync(StompRoute route, StompMember member, CancellationToken cancellationToken);

    /// <summary>Deletes one member row; <see cref="StoreOutcome.NotFound"/> when it was not there. The route stays.</summary>
    ValueTask<StoreOutcome> RemoveMemberAsync(string destination, string group, string connectionId, CancellationToken cancellationToken);

    /// <summary>Reads a destination's routes (with ETags) and members in one partition query.</summary>
    ValueTask<DestinationSnapshot> ReadDestinationAsync(string destination, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a route only if its ETag still equals <paramref name="etag"/>: <see cref="StoreOutcome.Conflict"/>
    /// when it changed, <see cref="StoreOutcome.NotFound"/> when it is gone.
    /// </summary>
    ValueTask<StoreOutcome> DeleteRouteAsync(string destination, string group, string etag, CancellationToken cancellationToken);

    /// <summary>
    /// Lists destinations that have routes or members, a page at a time (for the collector).
    /// Pass the previous page's token to continue; null starts over.
    /// </summary>
    ValueTask<DestinationPage> ListDestinationsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken);

    /// <summary>Reads a connection's spilled state, or null when it has none.</summary>
    ValueTask<SpilledState?> ReadSpilledStateAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a connection's spilled state. With <paramref name="etag"/> null it is an unconditional upsert;
    /// otherwise the write succeeds only if the stored ETag still matches (<see cref="StoreOutcome.Conflict"/>
    /// when not, <see cref="StoreOutcome.NotFound"/> when the row is gone). Stores must accept at least
    /// 256 KiB of data (Table Storage: split over several 64 KiB binary properties).
    /// </summary>
    ValueTask<StoreWriteResult> WriteSpilledStateAsync(string connectionId, ReadOnlyMemory<byte> data, string? etag, CancellationToken cancellationToken);

    /// <summary>Deletes a connection's spilled state; <see cref="StoreOutcome.NotFound"/> when it had none.</summary>
    ValueTask<StoreOutcome> DeleteSpilledStateAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists connections that have spilled state or an event marker, each once per pass, a page at a time (for the
    /// collector, which deletes both for connections whose <c>disconnected</c> event was lost). Pass the previous
    /// page's token to continue; null starts over.
    /// </summary>
    ValueTask<ConnectionPage> ListSpilledConnectionsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the right to apply one more event of a connection, in one conditional write: it succeeds only while the
    /// connection's event marker still has <paramref name="version"/>, the version the caller's connection state
    /// recorded (null: the connection has no marker yet), and gives the marker a new version. A retried event carries
    /// the connection state of before its first attempt, so once that attempt claimed, the retry's claim fails.
    /// </summary>
    ValueTask<EventClaim> ClaimEventAsync(string connectionId, string? version, CancellationToken cancellationToken);

    /// <summary>Deletes a connection's event marker; <see cref="StoreOutcome.NotFound"/> when it had none.</summary>
    ValueTask<StoreOutcome> DeleteEventMarkerAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>
    /// The store's generation: an opaque id that stays the same as long as the store keeps its rows and changes when it
    /// lost them (an in-memory Azurite restarted, the routes table was deleted and created again). One read; when the
    /// store has no generation yet (new or emptied) it writes one, and concurrent writers agree on the first one written.
    /// </summary>
    ValueTask<string> GetGenerationAsync(CancellationToken cancellationToken);
}
