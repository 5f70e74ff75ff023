using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>
/// The request budget of each hot operation, counted by a pipeline policy on a real Azurite:
/// SEND reads routes with one request and, when someone listens, claims its event with one conditional write
/// (a retry's lost claim costs one more read); SUBSCRIBE and UNSUBSCRIBE are one request each.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestBudgetTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Reading_the_routes_for_a_SEND_is_one_read_and_no_write()
    {
        var counter = new TableRequestCounter();
        var store = TestStores.Create(azurite, counter);
        var route = NewRoute("sub-0");
        await store.AddSubscriptionAsync(route, new StompMember(route.Destination, route.Group, "c1"), Ct);
        await store.AddSubscriptionAsync(route, new StompMember(route.Destination, route.Group, "c2"), Ct);
        counter.Reset();

        var routes = await store.GetRoutesAsync(route.Destination, Ct);

        Assert.Single(routes);
        Assert.Equal(1, counter.Reads);
        Assert.Equal(0, counter.Writes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reading_a_topic_with_its_wildcard_index_is_one_read_whether_or_not_patterns_exist(bool withPatterns)
    {
        var counter = new TableRequestCounter();
        var store = TestStores.Create(azurite, counter);
        var route = NewRoute("sub-0");
        var index = $"wildcards-budget-{Guid.NewGuid():N}";
        await store.AddSubscriptionAsync(route, new StompMember(route.Destination, route.Group, "c1"), Ct);
        if (withPatterns)
        {
            var pattern = new StompRoute(index, "w", StompAckMode.Auto, StompGroupNames.For("/topic/#", "w", StompAckMode.Auto), Pattern: "/topic/#");
            await store.AddSubscriptionAsync(pattern, new StompMember(index, pattern.Group, "c2"), Ct);
        }

        counter.Reset();

        var routes = await store.GetRoutesWithIndexAsync(route.Destination, index, Ct);

        Assert.Equal(withPatterns ? 2 : 1, routes.Count);
        Assert.Equal(1, counter.Reads);
        Assert.Equal(0, counter.Writes);
    }

    [Fact]
    public async Task Claiming_the_event_of_a_delivered_SEND_is_one_write_and_a_lost_claim_one_more_read()
    {
        var counter = new TableRequestCounter();
        var store = TestStores.Create(azurite, counter);
        var connection = $"budget-{Guid.NewGuid():N}";
        var first = await store.ClaimEventAsync(connection, null, Ct);
        counter.Reset();

        var next = await store.ClaimEventAsync(connection, first.Version, Ct);
        var (reads, writes) = (counter.Reads, counter.Writes);
        counter.Reset();
        var retried = await store.ClaimEventAsync(connection, first.Version, Ct);

        Assert.True(next.Claimed);
        Assert.Equal((0, 1), (reads, writes));
        Assert.False(retried.Claimed);
        Assert.Equal((1, 1), (counter.Reads, counter.Writes));
    }

    [Fact]
    public async Task Recording_a_subscription_is_one_transaction_request()
    {
        var counter = new TableRequestCounter();
        var store = TestStores.Create(azurite, counter);
        await store.GetRoutesAsync("/topic/warm-up", Ct);
        counter.Reset();
        var route = NewRoute("sub-0");

        await store.AddSubscriptionAsync(route, new StompMember(route.Destination, route.Group, "c1", "alice"), Ct);

        Assert.Equal(0, counter.Reads);
        Assert.Equal(1, counter.Writes);
    }

    [Fact]
    public async Task Removing_a_member_for_an_UNSUBSCRIBE_is_one_delete()
    {
        var counter = new TableRequestCounter();
        var store = TestStores.Create(azurite, counter);
        var route = NewRoute("sub-0");
        await store.AddSubscriptionAsync(route, new StompMember(route.Destination, route.Group, "c1"), Ct);
        counter.Reset();

        Assert.Equal(StoreOutcome.Ok, await store.RemoveMemberAsync(route.Destination, route.Group, "c1", Ct));

        Assert.Equal(1, counter.Total);
    }

    [Fact]
    public async Task Each_table_is_created_once_per_process_not_on_every_call()
    {
        var counter = new TableRequestCounter();
        var store = TestStores.Create(azurite, counter);
        var route = NewRoute("sub-0");

        await store.GetRoutesAsync(route.Destination, Ct);
        await store.AddSubscriptionAsync(route, new StompMember(route.Destination, route.Group, "c1"), Ct);
        await store.GetRoutesAsync(route.Destination, Ct);
        await store.ReadSpilledStateAsync("c1", Ct);
        await store.ReadSpilledStateAsync("c1", Ct);

        // Two creates (routes, sessions) and the five calls themselves.
        Assert.Equal(2 + 5, counter.Total);
    }

    private static StompRoute NewRoute(string subscriptionId)
    {
        var destination = $"/topic/budget-{Guid.NewGuid():N}";
        return new StompRoute(destination, subscriptionId, StompAckMode.Auto, StompGroupNames.For(destination, subscriptionId, StompAckMode.Auto));
    }
}
