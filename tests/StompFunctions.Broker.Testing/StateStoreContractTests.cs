using StompFunctions.Broker.Ports;
using StompFunctions.Protocol;
using static StompFunctions.Broker.Testing.StoreContractRows;

namespace StompFunctions.Broker.Testing;

/// <summary>
/// The routes-and-members part of the <see cref="IStompStateStore"/> contract (see also <see cref="DestinationContractTests"/>
/// and <see cref="SpilledStateContractTests"/>). Derive a class per implementation and
/// return a store from <see cref="CreateStoreAsync"/>; every test uses fresh destination and connection
/// names, so one store (for example one Azurite instance) can serve all tests and run them in parallel.
/// </summary>
public abstract class StateStoreContractTests
{
    /// <summary>Returns the store under test (a new one, or a shared one: tests never collide on names).</summary>
    protected abstract ValueTask<IStompStateStore> CreateStoreAsync();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Routes_of_an_unknown_destination_are_empty()
    {
        var store = await CreateStoreAsync();

        var routes = await store.GetRoutesAsync(NewDestination(), Ct);

        Assert.Empty(routes);
    }

    [Fact]
    public async Task AddSubscription_records_the_route_with_an_etag()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var route = NewRoute(destination, "sub-0", StompAckMode.ClientIndividual);

        await store.AddSubscriptionAsync(route, MemberOf(route, NewConnection(), "alice"), Ct);

        var stored = Assert.Single(await store.GetRoutesAsync(destination, Ct));
        Assert.Equal(destination, stored.Destination);
        Assert.Equal("sub-0", stored.SubscriptionId);
        Assert.Equal(StompAckMode.ClientIndividual, stored.AckMode);
        Assert.Equal(route.Group, stored.Group);
        Assert.False(string.IsNullOrEmpty(stored.ETag));
    }

    [Fact]
    public async Task Routes_of_1_0_and_1_1_sessions_keep_their_version_beside_the_1_2_route()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        foreach (var version in new[] { StompVersion.V1_0, StompVersion.V1_1, StompVersion.V1_2 })
        {
            var route = new StompRoute(destination, "sub-0", StompAckMode.Auto, StompGroupNames.For(destination, "sub-0", StompAckMode.Auto, version));
            await store.AddSubscriptionAsync(route, MemberOf(route, NewConnection()), Ct);
        }

        var stored = await store.GetRoutesAsync(destination, Ct);

        Assert.Equal([StompVersion.V1_0, StompVersion.V1_1, StompVersion.V1_2], stored.Select(r => r.Version).Order());
    }

    [Fact]
    public async Task Connections_sharing_a_route_add_members_not_routes()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var route = NewRoute(destination, "sub-0", StompAckMode.Auto);
        var first = NewConnection();
        var second = NewConnection();

        await store.AddSubscriptionAsync(route, MemberOf(route, first), Ct);
        await store.AddSubscriptionAsync(route, MemberOf(route, second), Ct);

        var snapshot = await store.ReadDestinationAsync(destination, Ct);
        Assert.Single(snapshot.Routes);
        Assert.Equal(
            new[] { first, second }.Order(StringComparer.Ordinal),
            snapshot.Members.Select(m => m.ConnectionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Routes_differ_by_subscription_id_and_ack_mode()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var connection = NewConnection();
        var routes = new[]
        {
            NewRoute(destination, "sub-0", StompAckMode.Auto),
            NewRoute(destination, "sub-1", StompAckMode.Auto),
            NewRoute(destination, "sub-0", StompAckMode.Client),
        };

        foreach (var route in routes)
        {
            await store.AddSubscriptionAsync(route, MemberOf(route, connection), Ct);
        }

        var stored = await store.GetRoutesAsync(destination, Ct);
        Assert.Equal(
            routes.Select(r => r.Group).Order(StringComparer.Ordinal),
            stored.Select(r => r.Group).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddSubscription_is_idempotent_and_gives_the_route_a_new_etag()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var route = NewRoute(destination, "sub-0", StompAckMode.Auto);
        var member = MemberOf(route, NewConnection());

        await store.AddSubscriptionAsync(route, member, Ct);
        var before = Assert.Single(await store.GetRoutesAsync(destination, Ct)).ETag;
        await store.AddSubscriptionAsync(route, member, Ct);

        var snapshot = await store.ReadDestinationAsync(destination, Ct);
        var after = Assert.Single(snapshot.Routes).ETag;
        Assert.Single(snapshot.Members);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Members_keep_their_user_id()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var route = NewRoute(destination, "sub-0", StompAckMode.Auto);
        var connection = NewConnection();

        await store.AddSubscriptionAsync(route, MemberOf(route, connection, "bob"), Ct);

        var member = Assert.Single((await store.ReadDestinationAsync(destination, Ct)).Members);
        Assert.Equal(connection, member.ConnectionId);
        Assert.Equal("bob", member.UserId);
        Assert.Equal(route.Group, member.Group);
        Assert.Equal(destination, member.Destination);
    }

    [Fact]
    public async Task RemoveMember_deletes_only_that_member_and_keeps_the_route()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var route = NewRoute(destination, "sub-0", StompAckMode.Auto);
        var leaving = NewConnection();
        var staying = NewConnection();
        await store.AddSubscriptionAsync(route, MemberOf(route, leaving), Ct);
        await store.AddSubscriptionAsync(route, MemberOf(route, staying), Ct);

        var outcome = await store.RemoveMemberAsync(destination, route.Group, leaving, Ct);

        Assert.Equal(StoreOutcome.Ok, outcome);
        var snapshot = await store.ReadDestinationAsync(destination, Ct);
        Assert.Single(snapshot.Routes);
        Assert.Equal(staying, Assert.Single(snapshot.Members).ConnectionId);
    }

    [Fact]
    public async Task RemoveMember_of_a_missing_member_is_not_found()
    {
        var store = await CreateStoreAsync();

        var outcome = await store.RemoveMemberAsync(NewDestination(), "g", NewConnection(), Ct);

        Assert.Equal(StoreOutcome.NotFound, outcome);
    }

    [Fact]
    public async Task DeleteRoute_with_the_etag_read_removes_the_route()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var route = NewRoute(destination, "sub-0", StompAckMode.Auto);
        var connection = NewConnection();
        await store.AddSubscriptionAsync(route, MemberOf(route, connection), Ct);
        await store.RemoveMemberAsync(destination, route.Group, connection, Ct);
        var read = Assert.Single((await store.ReadDestinationAsync(destination, Ct)).Routes);

        var outcome = await store.DeleteRouteAsync(destination, read.Group, read.ETag!, Ct);

        Assert.Equal(StoreOutcome.Ok, outcome);
        Assert.Empty(await store.GetRoutesAsync(destination, Ct));
    }

    [Fact]
    public async Task DeleteRoute_after_a_concurrent_subscribe_conflicts_and_the_subscription_survives()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var route = NewRoute(destination, "sub-0", StompAckMode.Auto);
        var gone = NewConnection();
        await store.AddSubscriptionAsync(route, MemberOf(route, gone), Ct);
        await store.RemoveMemberAsync(destination, route.Group, gone, Ct);
        var collectorRead = Assert.Single((await store.ReadDestinationAsync(destination, Ct)).Routes);

        // The collector saw no member; a SUBSCRIBE lands before its delete.
        var newcomer = NewConnection();
        await store.AddSubscriptionAsync(route, MemberOf(route, newcomer), Ct);
        var outcome = await store.DeleteRouteAsync(destination, collectorRead.Group, collectorRead.ETag!, Ct);

        Assert.Equal(StoreOutcome.Conflict, outcome);
        var snapshot = await store.ReadDestinationAsync(destination, Ct);
        Assert.Equal(route.Group, Assert.Single(snapshot.Routes).Group);
        Assert.Equal(newcomer, Assert.Single(snapshot.Members).ConnectionId);
    }

    [Fact]
    public async Task DeleteRoute_of_a_missing_route_is_not_found()
    {
        var store = await CreateStoreAsync();
        var destination = NewDestination();
        var route = NewRoute(destination, "sub-0", StompAckMode.Auto);
        var connection = NewConnection();
        await store.AddSubscriptionAsync(route, MemberOf(route, connection), Ct);
        await store.RemoveMemberAsync(destination, route.Group, connection, Ct);
        var read = Assert.Single(await store.GetRoutesAsync(destination, Ct));
        Assert.Equal(StoreOutcome.Ok, await store.DeleteRouteAsync(destination, read.Group, read.ETag!, Ct));

        var outcome = await store.DeleteRouteAsync(destination, read.Group, read.ETag!, Ct);

        Assert.Equal(StoreOutcome.NotFound, outcome);
    }
}
