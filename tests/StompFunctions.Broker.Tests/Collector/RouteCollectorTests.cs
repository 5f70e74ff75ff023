using Microsoft.Extensions.Logging.Abstractions;
using StompFunctions.Broker.Collector;
using StompFunctions.Broker.Tests.Support;

namespace StompFunctions.Broker.Tests.Collector;

public sealed class RouteCollectorTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Routes_without_members_are_removed_and_routes_with_members_stay()
    {
        var harness = new EngineHarness();
        var leaving = await harness.ConnectedClientAsync("leaving");
        var staying = await harness.ConnectedClientAsync("staying");
        await leaving.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/topic/x\n\n\0");
        await staying.ExchangeAsync("SUBSCRIBE\nid:b\ndestination:/topic/x\n\n\0");
        await leaving.ExchangeAsync("UNSUBSCRIBE\nid:a\n\n\0");
        var collector = new StompRouteCollector(harness.Store, harness.Gateway, NullLogger<StompRouteCollector>.Instance);

        var result = await collector.CollectAsync(Ct);

        Assert.Equal(new StompCollectionResult(1, 0, 1, 0, 0, true), result);
        Assert.Equal("b", Assert.Single(await harness.Store.GetRoutesAsync("/topic/x", Ct)).SubscriptionId);
    }

    [Fact]
    public async Task Members_of_connections_that_no_longer_exist_are_removed_then_their_routes()
    {
        var harness = new EngineHarness();
        var vanished = await harness.ConnectedClientAsync("vanished");
        await vanished.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/topic/x\n\n\0");
        harness.Gateway.Disconnect("vanished");
        var collector = new StompRouteCollector(harness.Store, harness.Gateway, NullLogger<StompRouteCollector>.Instance);

        var result = await collector.CollectAsync(Ct);

        Assert.Equal(new StompCollectionResult(1, 1, 1, 0, 0, true), result);
        Assert.Empty(await harness.Store.GetRoutesAsync("/topic/x", Ct));
    }

    [Fact]
    public async Task A_SUBSCRIBE_racing_the_collector_is_never_lost()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var first = await harness.ConnectedClientAsync("first");
        var late = await harness.ConnectedClientAsync("late");
        var publisher = await harness.ConnectedClientAsync("pub");
        await first.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/race\n\n\0");
        await first.ExchangeAsync("UNSUBSCRIBE\nid:sub-0\n\n\0");

        // The collector has read the destination (no member left) when the late SUBSCRIBE lands, just before its delete.
        store.BeforeDeleteRoute = async () => await late.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/race\n\n\0");
        var collector = new StompRouteCollector(store, harness.Gateway, NullLogger<StompRouteCollector>.Instance);
        var result = await collector.CollectAsync(Ct);
        await publisher.ExchangeAsync("SEND\ndestination:/topic/race\n\nstill here\0");

        Assert.Equal(1, result.RoutesKept);
        Assert.Equal(0, result.RoutesRemoved);
        Assert.Equal("still here", Assert.Single(late.Delivered).BodyText);
    }

    [Fact]
    public async Task Collection_walks_every_page_of_destinations()
    {
        var harness = new EngineHarness();
        var client = await harness.ConnectedClientAsync();
        for (var i = 0; i < 130; i++)
        {
            await client.ExchangeAsync($"SUBSCRIBE\nid:s{i}\ndestination:/topic/d{i}\n\n\0UNSUBSCRIBE\nid:s{i}\n\n\0");
        }

        var result = await new StompRouteCollector(harness.Store, harness.Gateway, NullLogger<StompRouteCollector>.Instance).CollectAsync(Ct);

        Assert.Equal((130, 130, true), (result.DestinationsScanned, result.RoutesRemoved, result.Complete));
        Assert.Empty((await harness.Store.ListDestinationsAsync(null, 10, Ct)).Destinations);
    }

    [Fact]
    public async Task Spilled_state_of_a_gone_connection_is_removed_and_that_of_a_live_one_kept()
    {
        var harness = new EngineHarness();
        await harness.ConnectedClientAsync("live");
        await harness.ConnectedClientAsync("gone");
        await harness.Store.WriteSpilledStateAsync("live", new byte[] { 1, 2, 3 }, null, Ct);
        await harness.Store.WriteSpilledStateAsync("gone", new byte[] { 4, 5, 6 }, null, Ct);

        // The disconnected event of "gone" never reached the engine.
        harness.Gateway.Disconnect("gone");
        var collector = new StompRouteCollector(harness.Store, harness.Gateway, NullLogger<StompRouteCollector>.Instance);

        var result = await collector.CollectAsync(Ct);

        Assert.Equal((1, true), (result.SpilledStatesRemoved, result.Complete));
        Assert.Null(await harness.Store.ReadSpilledStateAsync("gone", Ct));
        Assert.Equal(new byte[] { 1, 2, 3 }, (await harness.Store.ReadSpilledStateAsync("live", Ct))!.Data.ToArray());
        Assert.Equal(["live"], (await harness.Store.ListSpilledConnectionsAsync(null, 10, Ct)).ConnectionIds);
    }

    [Fact]
    public async Task Spilled_state_collection_walks_every_page_and_stops_at_its_page_bound()
    {
        var harness = new EngineHarness();
        for (var i = 0; i < 230; i++)
        {
            await harness.Store.WriteSpilledStateAsync($"never-connected-{i:D3}", new byte[] { 7 }, null, Ct);
        }

        var collector = new StompRouteCollector(harness.Store, harness.Gateway, NullLogger<StompRouteCollector>.Instance) { MaxPages = 2 };

        var bounded = await collector.CollectAsync(Ct);
        var rest = await collector.CollectAsync(Ct);

        Assert.Equal((200, false), (bounded.SpilledStatesRemoved, bounded.Complete));
        Assert.Equal((30, true), (rest.SpilledStatesRemoved, rest.Complete));
        Assert.Empty((await harness.Store.ListSpilledConnectionsAsync(null, 10, Ct)).ConnectionIds);
    }
}
