using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Ports;

namespace StompFunctions.WebPubSub.Tests.Infrastructure;

/// <summary>The in-memory store, except that it throws an unexpected exception while <see cref="Fail"/> is set.</summary>
internal sealed class SabotageStateStore : IStompStateStore
{
    private readonly InMemoryStateStore _inner = new();

    public volatile bool Fail;

    public ValueTask<IReadOnlyList<StompRoute>> GetRoutesAsync(string destination, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.GetRoutesAsync(destination, cancellationToken);

    public ValueTask AddSubscriptionAsync(StompRoute route, StompMember member, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.AddSubscriptionAsync(route, member, cancellationToken);

    public ValueTask<StoreOutcome> RemoveMemberAsync(string destination, string group, string connectionId, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.RemoveMemberAsync(destination, group, connectionId, cancellationToken);

    public ValueTask<DestinationSnapshot> ReadDestinationAsync(string destination, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.ReadDestinationAsync(destination, cancellationToken);

    public ValueTask<StoreOutcome> DeleteRouteAsync(string destination, string group, string etag, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.DeleteRouteAsync(destination, group, etag, cancellationToken);

    public ValueTask<DestinationPage> ListDestinationsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken) =>
        _inner.ListDestinationsAsync(continuationToken, pageSizeHint, cancellationToken);

    public ValueTask<ConnectionPage> ListSpilledConnectionsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken) =>
        _inner.ListSpilledConnectionsAsync(continuationToken, pageSizeHint, cancellationToken);

    public ValueTask<SpilledState?> ReadSpilledStateAsync(string connectionId, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.ReadSpilledStateAsync(connectionId, cancellationToken);

    public ValueTask<StoreWriteResult> WriteSpilledStateAsync(string connectionId, ReadOnlyMemory<byte> data, string? etag, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.WriteSpilledStateAsync(connectionId, data, etag, cancellationToken);

    public ValueTask<StoreOutcome> DeleteSpilledStateAsync(string connectionId, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.DeleteSpilledStateAsync(connectionId, cancellationToken);

    public ValueTask<EventClaim> ClaimEventAsync(string connectionId, string? version, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.ClaimEventAsync(connectionId, version, cancellationToken);

    public ValueTask<StoreOutcome> DeleteEventMarkerAsync(string connectionId, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("sabotaged") : _inner.DeleteEventMarkerAsync(connectionId, cancellationToken);

    // Not sabotaged: the generation is read before any frame, and these tests fail the frame's own store calls.
    public ValueTask<string> GetGenerationAsync(CancellationToken cancellationToken) => _inner.GetGenerationAsync(cancellationToken);
}
