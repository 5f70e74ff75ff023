using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Testing;

/// <summary>
/// How every <see cref="IStompStateStore"/> claims events: one claim per version, so the retry of an event (which
/// carries the connection state of before its first attempt) never claims again. Derive a class per implementation.
/// </summary>
public abstract class EventMarkerContractTests
{
    /// <summary>Returns the store under test (tests use fresh connection ids, so one store may serve all).</summary>
    protected abstract ValueTask<IStompStateStore> CreateStoreAsync();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task The_first_claim_of_a_connection_succeeds_once()
    {
        var store = await CreateStoreAsync();
        var connection = NewConnection();

        var first = await store.ClaimEventAsync(connection, null, Ct);
        var retry = await store.ClaimEventAsync(connection, null, Ct);

        Assert.True(first.Claimed);
        Assert.NotNull(first.Version);
        Assert.False(retry.Claimed);
        Assert.Equal(first.Version, retry.Version);
    }

    [Fact]
    public async Task Each_claim_needs_the_version_the_previous_one_returned()
    {
        var store = await CreateStoreAsync();
        var connection = NewConnection();
        var first = await store.ClaimEventAsync(connection, null, Ct);

        var second = await store.ClaimEventAsync(connection, first.Version, Ct);
        var retryOfSecond = await store.ClaimEventAsync(connection, first.Version, Ct);
        var third = await store.ClaimEventAsync(connection, second.Version, Ct);

        Assert.True(second.Claimed);
        Assert.NotEqual(first.Version, second.Version);
        Assert.False(retryOfSecond.Claimed);
        Assert.Equal(second.Version, retryOfSecond.Version);
        Assert.True(third.Claimed);
    }

    [Fact]
    public async Task Claims_of_different_connections_are_independent()
    {
        var store = await CreateStoreAsync();

        Assert.True((await store.ClaimEventAsync(NewConnection(), null, Ct)).Claimed);
        Assert.True((await store.ClaimEventAsync(NewConnection(), null, Ct)).Claimed);
    }

    [Fact]
    public async Task A_deleted_marker_refuses_the_old_version_and_is_listed_until_deleted()
    {
        var store = await CreateStoreAsync();
        var connection = NewConnection();
        var claim = await store.ClaimEventAsync(connection, null, Ct);

        Assert.Contains(connection, await ListAllAsync(store));
        Assert.Equal(StoreOutcome.Ok, await store.DeleteEventMarkerAsync(connection, Ct));
        Assert.Equal(StoreOutcome.NotFound, await store.DeleteEventMarkerAsync(connection, Ct));
        Assert.DoesNotContain(connection, await ListAllAsync(store));

        var stale = await store.ClaimEventAsync(connection, claim.Version, Ct);
        Assert.False(stale.Claimed);
        Assert.Null(stale.Version);
    }

    [Fact]
    public async Task A_connection_with_spilled_state_and_a_marker_is_listed_once()
    {
        var store = await CreateStoreAsync();
        var connection = NewConnection();
        await store.WriteSpilledStateAsync(connection, new byte[] { 1 }, null, Ct);
        await store.ClaimEventAsync(connection, null, Ct);

        Assert.Single(await ListAllAsync(store), c => c == connection);
    }

    /// <summary>A connection id no other test uses (hashed partition keys included: some ids are long).</summary>
    private static string NewConnection() => Random.Shared.Next(2) == 0 ? $"conn-{Guid.NewGuid():N}" : $"conn-{Guid.NewGuid():N}{new string('x', 600)}";

    private static async Task<List<string>> ListAllAsync(IStompStateStore store)
    {
        var all = new List<string>();
        string? token = null;
        for (var page = 0; page < 10_000; page++)
        {
            var result = await store.ListSpilledConnectionsAsync(token, 1000, Ct);
            all.AddRange(result.ConnectionIds);
            token = result.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        return all;
    }
}
