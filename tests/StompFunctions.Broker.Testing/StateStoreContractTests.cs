using StompFunctions.Broker.Ports;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Testing;

/// <summary>
/// The behaviour every <see cref="IStompStateStore"/> must show. Derive a class per implementation and
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

    /// <summary>A destination no other test (or earlier run against a persistent store) uses.</summary>
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

    protected static string NewDestination() => $"/topic/contract-{Guid.NewGuid():N}";

    /// <summary>A connection id no other test uses.</summary>
    protected static string NewConnection() => $"conn-{Guid.NewGuid():N}";

    /// <summary>A route whose group is derived the way the engine derives it.</summary>
    protected static StompRoute NewRoute(string destination, string subscriptionId, StompAckMode ackMode) =>
        new(destination, subscriptionId, ackMode, StompGroupNames.For(destination, subscriptionId, ackMode));

    /// <summary>A member of the route's group.</summary>
    protected static StompMember MemberOf(StompRoute route, string connectionId, string? userId = null) =>
        new(route.Destination, route.Group, connectionId, userId);
}
