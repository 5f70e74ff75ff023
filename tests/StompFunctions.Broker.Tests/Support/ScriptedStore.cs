using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Tests.Support;

/// <summary>The in-memory store with knobs: fail chosen operations as "unavailable", or run code before a route delete (races).</summary>
internal sealed class ScriptedStore : IStompStateStore
{
    private readonly InMemoryStateStore _inner = new();

    public HashSet<string> Failing { get; } = [];

    public Func<Task>? BeforeDeleteRoute { get; set; }

    /// <summary>Awaited before each generation read (to hold reads in flight).</summary>
    public Func<Task>? BeforeGenerationRead { get; set; }

    /// <summary>Awaited inside each routes read (to see what runs while it is in flight).</summary>
    public Func<Task>? DuringRouteRead { get; set; }

    /// <summary>Event claims made so far.</summary>
    public int Claims { get; private set; }

    public int RouteReads { get; private set; }

    public int Writes { get; private set; }

    public int GenerationReads { get; private set; }

    public async ValueTask<IReadOnlyList<StompRoute>> GetRoutesAsync(string destination, CancellationToken cancellationToken)
    {
        Check(nameof(GetRoutesAsync));
        RouteReads++;
        await DuringRouteReadAsync();
        return await _inner.GetRoutesAsync(destination, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<StompRoute>> GetRoutesWithIndexAsync(string destination, string index, CancellationToken cancellationToken)
    {
        Check(nameof(GetRoutesAsync));
        RouteReads++;
        await DuringRouteReadAsync();
        return await _inner.GetRoutesWithIndexAsync(destination, index, cancellationToken);
    }

    public ValueTask AddSubscriptionAsync(StompRoute route, StompMember member, CancellationToken cancellationToken)
    {
        Check(nameof(AddSubscriptionAsync));
        Writes++;
        return _inner.AddSubscriptionAsync(route, member, cancellationToken);
    }

    public ValueTask<StoreOutcome> RemoveMemberAsync(string destination, string group, string connectionId, CancellationToken cancellationToken)
    {
        Check(nameof(RemoveMemberAsync));
        Writes++;
        return _inner.RemoveMemberAsync(destination, group, connectionId, cancellationToken);
    }

    public ValueTask<DestinationSnapshot> ReadDestinationAsync(string destination, CancellationToken cancellationToken) =>
        _inner.ReadDestinationAsync(destination, cancellationToken);

    public async ValueTask<StoreOutcome> DeleteRouteAsync(string destination, string group, string etag, CancellationToken cancellationToken)
    {
        if (BeforeDeleteRoute is { } before)
        {
            BeforeDeleteRoute = null;
            await before();
        }

        Writes++;
        return await _inner.DeleteRouteAsync(destination, group, etag, cancellationToken);
    }

    public ValueTask<DestinationPage> ListDestinationsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken) =>
        _inner.ListDestinationsAsync(continuationToken, pageSizeHint, cancellationToken);

    public ValueTask<ConnectionPage> ListSpilledConnectionsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken)
    {
        Check(nameof(ListSpilledConnectionsAsync));
        return _inner.ListSpilledConnectionsAsync(continuationToken, pageSizeHint, cancellationToken);
    }

    public ValueTask<SpilledState?> ReadSpilledStateAsync(string connectionId, CancellationToken cancellationToken)
    {
        Check(nameof(ReadSpilledStateAsync));
        return _inner.ReadSpilledStateAsync(connectionId, cancellationToken);
    }

    public ValueTask<StoreWriteResult> WriteSpilledStateAsync(string connectionId, ReadOnlyMemory<byte> data, string? etag, CancellationToken cancellationToken)
    {
        Check(nameof(WriteSpilledStateAsync));
        Writes++;
        return _inner.WriteSpilledStateAsync(connectionId, data, etag, cancellationToken);
    }

    public ValueTask<StoreOutcome> DeleteSpilledStateAsync(string connectionId, CancellationToken cancellationToken)
    {
        Check(nameof(DeleteSpilledStateAsync));
        Writes++;
        return _inner.DeleteSpilledStateAsync(connectionId, cancellationToken);
    }

    public ValueTask<EventClaim> ClaimEventAsync(string connectionId, string? version, CancellationToken cancellationToken)
    {
        Check(nameof(ClaimEventAsync));
        Writes++;
        Claims++;
        return _inner.ClaimEventAsync(connectionId, version, cancellationToken);
    }

    public ValueTask<StoreOutcome> DeleteEventMarkerAsync(string connectionId, CancellationToken cancellationToken)
    {
        Check(nameof(DeleteEventMarkerAsync));
        Writes++;
        return _inner.DeleteEventMarkerAsync(connectionId, cancellationToken);
    }

    public async ValueTask<string> GetGenerationAsync(CancellationToken cancellationToken)
    {
        Check(nameof(GetGenerationAsync));
        GenerationReads++;
        if (BeforeGenerationRead is { } before)
        {
            await before();
        }

        return await _inner.GetGenerationAsync(cancellationToken);
    }

    /// <summary>Loses every row, as an in-memory Azurite restart does.</summary>
    public void Clear() => _inner.Clear();

    private async Task DuringRouteReadAsync()
    {
        if (DuringRouteRead is { } during)
        {
            await during();
        }
    }

    private void Check(string operation)
    {
        if (Failing.Contains(operation))
        {
            throw new StompStoreUnavailableException($"{operation} failed (scripted)");
        }
    }
}
