using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>
/// A SEND's event claim runs beside its routes read where listeners are likely (the destination had routes at its last
/// SEND on this instance), so a delivered SEND waits for one store round trip, not two; elsewhere it runs after the
/// read, and a SEND that reaches nobody claims nothing. The read itself always happens: nothing hides a subscription.
/// </summary>
public sealed class ClaimBesideReadTests
{
    [Fact]
    public async Task A_SEND_to_a_destination_that_had_listeners_claims_beside_its_routes_read()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        var publisher = await harness.ConnectedClientAsync("pub");
        var claimsDuringRead = new List<int>();
        store.DuringRouteRead = () =>
        {
            claimsDuringRead.Add(store.Claims);
            return Task.CompletedTask;
        };

        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\n\n1\0");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\n\n2\0");

        // First SEND: nothing known, claimed after the read. Second: the claim was already made when the read ran.
        Assert.Equal([0, 2], claimsDuringRead);
        Assert.Equal(2, store.Claims);
        Assert.Equal(["1", "2"], subscriber.Delivered.Select(m => m.BodyText));
    }

    [Fact]
    public async Task A_SEND_that_reaches_nobody_claims_nothing_beside_destinations_that_have_listeners()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");

        await publisher.ExchangeAsync("SEND\ndestination:/topic/nobody\n\nx\0");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\n\n1\0");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\n\n2\0");
        var receipt = await publisher.ExchangeAsync("SEND\ndestination:/topic/nobody\nreceipt:r\n\ny\0");

        Assert.Equal(StompCommand.Receipt, Assert.Single(receipt).Command);
        Assert.Equal(2, store.Claims);
        Assert.Equal(["1", "2"], subscriber.Delivered.Select(m => m.BodyText));
    }

    [Fact]
    public async Task A_failed_read_beside_a_begun_claim_answers_ERROR_and_delivers_nothing()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        var publisher = await harness.ConnectedClientAsync("pub");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\n\n1\0");
        store.Failing.Add(nameof(store.GetRoutesAsync));

        var error = Assert.Single(await publisher.ExchangeAsync("SEND\ndestination:/topic/t\nreceipt:r\n\n2\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("service unavailable", error["message"]);
        Assert.Equal(["1"], subscriber.Delivered.Select(m => m.BodyText));
    }

    [Fact]
    public void The_hint_forgets_a_destination_whose_routes_are_gone_and_stays_bounded()
    {
        var hints = new RoutedDestinations();
        hints.Record("/topic/a", routed: true);
        Assert.True(hints.LikelyRouted("/topic/a"));
        hints.Record("/topic/a", routed: false);
        Assert.False(hints.LikelyRouted("/topic/a"));

        for (var i = 0; i <= RoutedDestinations.Capacity; i++)
        {
            hints.Record($"/topic/{i}", routed: true);
        }

        // Past its capacity it started over: the newest is known, the oldest forgotten.
        Assert.True(hints.LikelyRouted($"/topic/{RoutedDestinations.Capacity}"));
        Assert.False(hints.LikelyRouted("/topic/0"));
    }
}
