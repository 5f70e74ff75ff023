using StompFunctions.Broker.Ports;
using static StompFunctions.Broker.Testing.StoreContractRows;

namespace StompFunctions.Broker.Testing;

/// <summary>
/// The destination part of the <see cref="IStompStateStore"/> contract: which destinations a store keeps apart
/// (characters forbidden in keys, long names, case), concurrent subscriptions, the collector's listing and the store
/// generation. Derive a class per implementation; every test uses fresh names.
/// </summary>
public abstract class DestinationContractTests
{
    /// <summary>Returns the store under test (a new one, or a shared one: tests never collide on names).</summary>
    protected abstract ValueTask<IStompStateStore> CreateStoreAsync();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Destinations_with_characters_forbidden_in_table_keys_work()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination() + "/a b#c?d\\e\tf'g\u00e9\u4e2d\U0001F600:h";
        var route = NewRoute(destination, "sub/0#?\\'", StompAckMode.Client);
        var connection = NewConnection();

        await store.AddSubscriptionAsync(route, MemberOf(route, connection), Ct);

        var stored = Assert.Single(await store.GetRoutesAsync(destination, Ct));
        Assert.Equal(destination, stored.Destination);
        Assert.Equal("sub/0#?\\'", stored.SubscriptionId);
        Assert.Equal(StoreOutcome.Ok, await store.RemoveMemberAsync(destination, route.Group, connection, Ct));
        Assert.Equal(StoreOutcome.Ok, await store.DeleteRouteAsync(destination, stored.Group, stored.ETag!, Ct));
    }

    [Fact]
    public async Task Long_destinations_work()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination() + "/" + new string('x', 900);
        var route = NewRoute(destination, "sub-0", StompAckMode.Auto);

        await store.AddSubscriptionAsync(route, MemberOf(route, NewConnection()), Ct);

        Assert.Equal(destination, Assert.Single(await store.GetRoutesAsync(destination, Ct)).Destination);
    }

    [Fact]
    public async Task Destinations_that_differ_only_in_case_are_distinct()
    {
        var store = await CreateStoreAsync();
        var lower = NewDestination() + "/abc";
        var upper = lower[..^3] + "ABC";
        var route = NewRoute(lower, "sub-0", StompAckMode.Auto);

        await store.AddSubscriptionAsync(route, MemberOf(route, NewConnection()), Ct);

        Assert.Single(await store.GetRoutesAsync(lower, Ct));
        Assert.Empty(await store.GetRoutesAsync(upper, Ct));
    }

    [Fact]
    public async Task Concurrent_subscriptions_to_one_destination_are_all_recorded()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var route = NewRoute(destination, "sub-0", StompAckMode.Auto);
        var connections = Enumerable.Range(0, 16).Select(_ => NewConnection()).ToArray();

        await Task.WhenAll(connections.Select(c => store.AddSubscriptionAsync(route, MemberOf(route, c), Ct).AsTask()));

        var snapshot = await store.ReadDestinationAsync(destination, Ct);
        Assert.Single(snapshot.Routes);
        Assert.Equal(connections.Length, snapshot.Members.Count);
    }

    [Fact]
    public async Task ListDestinations_pages_through_every_destination_with_rows()
    {
        var store = await CreateStoreAsync();
        var prefix = NewDestination();
        var destinations = Enumerable.Range(0, 5).Select(i => $"{prefix}/{i}").ToArray();
        foreach (var destination in destinations)
        {
            var route = NewRoute(destination, "sub-0", StompAckMode.Auto);
            await store.AddSubscriptionAsync(route, MemberOf(route, NewConnection()), Ct);
        }

        var seen = await ListAllDestinationsAsync(store, 2);

        Assert.All(destinations, d => Assert.Contains(d, seen));
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_generation_stays_the_same_while_the_store_keeps_its_rows_and_is_no_destination()
    {
        var store = await CreateStoreAsync();
        var first = await store.GetGenerationAsync(Ct);
        var route = NewRoute(NewDestination(), "sub-0", StompAckMode.Auto);
        await store.AddSubscriptionAsync(route, MemberOf(route, NewConnection()), Ct);
        await store.RemoveMemberAsync(route.Destination, route.Group, NewConnection(), Ct);

        Assert.False(string.IsNullOrEmpty(first));
        Assert.Equal(first, await store.GetGenerationAsync(Ct));
        var listed = await ListAllDestinationsAsync(store, 100);

        Assert.Contains(route.Destination, listed);
        Assert.All(listed, d => Assert.StartsWith("/", d, StringComparison.Ordinal));
    }

    /// <summary>Every page of the destination listing, bounded; fails when the last page still had a token.</summary>
    private static async Task<List<string>> ListAllDestinationsAsync(IStompStateStore store, int pageSize)
    {
        var seen = new List<string>();
        string? token = null;
        for (var page = 0; page < 10_000; page++)
        {
            var result = await store.ListDestinationsAsync(token, pageSize, Ct);
            seen.AddRange(result.Destinations);
            token = result.ContinuationToken;
            if (token is null)
            {
                return seen;
            }
        }

        Assert.Fail("The destination listing did not end within 10,000 pages.");
        return seen;
    }
}
