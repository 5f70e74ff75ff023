using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Testing;

/// <summary>
/// The store's half of wildcard topics: routes that carry a pattern, stored under an index key, read together with a
/// destination's own routes by <see cref="IStompStateStore.GetRoutesWithIndexAsync"/>. Every test uses its own names.
/// </summary>
public abstract class RouteIndexContractTests
{
    /// <summary>Returns the store under test.</summary>
    protected abstract ValueTask<IStompStateStore> CreateStoreAsync();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Reading_with_an_index_returns_both_partitions_routes_each_under_its_own_key_with_its_pattern()
    {
        var store = await CreateStoreAsync();
        var (destination, index) = NewNames();
        var exact = Route(destination, "exact", null);
        var pattern = Route(index, "w", "/topic/a.#");
        await store.AddSubscriptionAsync(exact, Member(exact), Ct);
        await store.AddSubscriptionAsync(pattern, Member(pattern), Ct);

        var routes = await store.GetRoutesWithIndexAsync(destination, index, Ct);

        Assert.Equal(2, routes.Count);
        var own = Assert.Single(routes, r => r.SubscriptionId == "exact");
        Assert.Equal((destination, (string?)null), (own.Destination, own.Pattern));
        var indexed = Assert.Single(routes, r => r.SubscriptionId == "w");
        Assert.Equal((index, "/topic/a.#", pattern.Group), (indexed.Destination, indexed.Pattern, indexed.Group));
    }

    [Fact]
    public async Task Reading_with_an_empty_index_returns_the_destinations_routes_and_an_empty_pair_nothing()
    {
        var store = await CreateStoreAsync();
        var (destination, index) = NewNames();
        var exact = Route(destination, "exact", null);

        Assert.Empty(await store.GetRoutesWithIndexAsync(destination, index, Ct));
        await store.AddSubscriptionAsync(exact, Member(exact), Ct);

        Assert.Equal("exact", Assert.Single(await store.GetRoutesWithIndexAsync(destination, index, Ct)).SubscriptionId);
    }

    [Fact]
    public async Task The_snapshot_of_an_index_keeps_patterns_for_the_collector()
    {
        var store = await CreateStoreAsync();
        var (_, index) = NewNames();
        var pattern = Route(index, "w", "/topic/#");
        await store.AddSubscriptionAsync(pattern, Member(pattern), Ct);

        var snapshot = await store.ReadDestinationAsync(index, Ct);

        Assert.Equal("/topic/#", Assert.Single(snapshot.Routes).Pattern);
        Assert.Single(snapshot.Members);
    }

    private static (string Destination, string Index) NewNames()
    {
        var id = Guid.NewGuid().ToString("N");
        return ($"/topic/index-contract-{id}", $"wildcards-contract-{id}");
    }

    private static StompRoute Route(string key, string subscriptionId, string? pattern) =>
        new(key, subscriptionId, StompAckMode.Auto, StompGroupNames.For(pattern ?? key, subscriptionId, StompAckMode.Auto), Pattern: pattern);

    private static StompMember Member(StompRoute route) => new(route.Destination, route.Group, $"conn-{Guid.NewGuid():N}");
}
