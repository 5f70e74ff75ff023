using StompFunctions.Broker.Ports;
using static StompFunctions.Broker.Testing.StoreContractRows;

namespace StompFunctions.Broker.Testing;

/// <summary>
/// The spilled-state part of the <see cref="IStompStateStore"/> contract: connection state too large for
/// <c>ce-connectionState</c>, written conditionally, read byte-exact, listed for the collector. Derive a class per
/// implementation; every test uses fresh connection ids, so one store can serve all tests in parallel.
/// </summary>
public abstract class SpilledStateContractTests
{
    /// <summary>Returns the store under test (a new one, or a shared one: tests never collide on names).</summary>
    protected abstract ValueTask<IStompStateStore> CreateStoreAsync();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Spilled_state_of_a_new_connection_is_absent()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.ReadSpilledStateAsync(NewConnection(), Ct));
    }

    [Fact]
    public async Task Spilled_state_round_trips_byte_exact()
    {
        var store = await CreateStoreAsync();
        var connection = NewConnection();
        var data = new byte[256 * 1024];
        new Random(7).NextBytes(data);

        var written = await store.WriteSpilledStateAsync(connection, data, null, Ct);

        Assert.Equal(StoreOutcome.Ok, written.Outcome);
        Assert.False(string.IsNullOrEmpty(written.ETag));
        var read = await store.ReadSpilledStateAsync(connection, Ct);
        Assert.NotNull(read);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.Data.Span.SequenceEqual(data));
    }

    [Fact]
    public async Task Spilled_state_rewrite_is_conditional_on_the_etag()
    {
        var store = await CreateStoreAsync();
        var connection = NewConnection();
        var first = await store.WriteSpilledStateAsync(connection, new byte[] { 1 }, null, Ct);
        var second = await store.WriteSpilledStateAsync(connection, new byte[] { 2 }, first.ETag, Ct);

        var stale = await store.WriteSpilledStateAsync(connection, new byte[] { 3 }, first.ETag, Ct);

        Assert.Equal(StoreOutcome.Ok, second.Outcome);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(StoreOutcome.Conflict, stale.Outcome);
        Assert.Null(stale.ETag);
        var read = await store.ReadSpilledStateAsync(connection, Ct);
        Assert.Equal(new byte[] { 2 }, read!.Data.ToArray());
    }

    [Fact]
    public async Task Conditional_spill_write_of_a_missing_row_is_not_found()
    {
        var store = await CreateStoreAsync();
        var connection = NewConnection();
        var written = await store.WriteSpilledStateAsync(connection, new byte[] { 1 }, null, Ct);
        await store.DeleteSpilledStateAsync(connection, Ct);

        var result = await store.WriteSpilledStateAsync(connection, new byte[] { 2 }, written.ETag, Ct);

        Assert.Equal(StoreOutcome.NotFound, result.Outcome);
        Assert.Null(await store.ReadSpilledStateAsync(connection, Ct));
    }

    [Fact]
    public async Task Empty_spilled_state_round_trips()
    {
        var store = await CreateStoreAsync();
        var connection = NewConnection();

        await store.WriteSpilledStateAsync(connection, ReadOnlyMemory<byte>.Empty, null, Ct);

        var read = await store.ReadSpilledStateAsync(connection, Ct);
        Assert.NotNull(read);
        Assert.Equal(0, read.Data.Length);
    }

    [Fact]
    public async Task DeleteSpilledState_removes_it_and_reports_missing_rows()
    {
        var store = await CreateStoreAsync();
        var connection = NewConnection();
        await store.WriteSpilledStateAsync(connection, new byte[] { 9 }, null, Ct);

        Assert.Equal(StoreOutcome.Ok, await store.DeleteSpilledStateAsync(connection, Ct));
        Assert.Equal(StoreOutcome.NotFound, await store.DeleteSpilledStateAsync(connection, Ct));
        Assert.Null(await store.ReadSpilledStateAsync(connection, Ct));
    }

    [Fact]
    public async Task ListSpilledConnections_pages_through_every_connection_with_spilled_state_once()
    {
        var store = await CreateStoreAsync();
        var prefix = NewConnection();

        // Plain ids, ids with characters the key encoding escapes, and one long enough to be hashed.
        string[] connections =
        [
            .. Enumerable.Range(0, 4).Select(i => $"{prefix}-{i}"),
            $"{prefix}/with#forbidden?chars\\'%+!|",
            $"{prefix}-" + new string('x', 600),
        ];
        foreach (var connection in connections)
        {
            await store.WriteSpilledStateAsync(connection, new byte[] { 1 }, null, Ct);
        }

        var deleted = $"{prefix}-deleted";
        await store.WriteSpilledStateAsync(deleted, new byte[] { 2 }, null, Ct);
        await store.DeleteSpilledStateAsync(deleted, Ct);

        var seen = new List<string>();
        string? token = null;
        for (var page = 0; page < 10_000; page++)
        {
            var result = await store.ListSpilledConnectionsAsync(token, 2, Ct);
            Assert.InRange(result.ConnectionIds.Count, 0, 2);
            seen.AddRange(result.ConnectionIds);
            token = result.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        Assert.Null(token);
        Assert.All(connections, c => Assert.Contains(c, seen));
        Assert.DoesNotContain(deleted, seen);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
    }
}
