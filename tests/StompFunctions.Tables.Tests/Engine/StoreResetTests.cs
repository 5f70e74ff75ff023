using Microsoft.Extensions.Time.Testing;
using StompFunctions.Broker;
using StompFunctions.Broker.Testing;
using StompFunctions.Protocol;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Queues;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>
/// Azurite in memory restarted under two running instances: every table and row is gone, the connections are not.
/// A subscriber's next frame (a heart-beat here) writes its route again from its own state and it hears what is sent
/// after; a subscriber that sends nothing gets an ERROR and is closed once the grace ends. Azurite of its own, since the
/// restart wipes everything on it.
/// </summary>
public sealed class StoreResetTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(new StompBrokerOptions().StoreGenerationCheckMilliseconds);

    [Fact]
    public async Task STOMP_S20_S60_after_an_in_memory_Azurite_restart_a_subscriber_is_restored_by_its_next_frame_and_a_silent_one_gets_an_ERROR()
    {
        var options = TestTableOptions.For(azurite);
        var gateway = new InMemoryConnectionGateway();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero));
        var a = new EngineNode("a", TestStores.Create(options), gateway, time: time);
        var b = new EngineNode("b", TestStores.Create(options), gateway, time: time);
        var destination = $"/topic/reset-{Guid.NewGuid():N}";
        var beating = a.Open("beating");
        await beating.ConnectAsync();
        await beating.SubscribeAsync(destination, "sub-0");
        var silent = a.Open("silent");
        await silent.ConnectAsync();
        await silent.SubscribeAsync(destination, "sub-1"); // a group of its own: the other's restored route does not reach it
        var publisher = b.Open("publisher");
        await publisher.ConnectAsync();
        Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(destination, "before", "r-1")).Command);

        await azurite.StopAsync();
        await azurite.StartAgainAsync();
        time.Advance(CheckInterval + TimeSpan.FromSeconds(1));

        // Nobody's route is left: this one reaches no one, and instance b learns of the new generation.
        Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(destination, "lost", "r-2")).Command);
        Assert.Empty(await beating.SendAsync("\n"));
        Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(destination, "after", "r-3")).Command);
        Assert.False(silent.Connection.IsClosed);

        time.Advance((CheckInterval * 2) + TimeSpan.FromSeconds(1));
        Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(destination, "later", "r-4")).Command);

        Assert.Equal(["before", "after", "later"], beating.Delivered.Select(f => f.Body));
        Assert.False(beating.Connection.IsClosed);
        Assert.Equal([StompCommand.Message, StompCommand.Error], silent.Delivered.Select(f => f.Command));
        Assert.Equal("subscriptions lost", silent.Delivered[^1]["message"]);
        Assert.True(silent.Connection.IsClosed);
    }

    [Fact]
    public async Task STOMP_S30_after_an_in_memory_Azurite_restart_a_queue_consumer_comes_back_with_its_prefetch_on_its_next_frame()
    {
        var options = TestTableOptions.For(azurite);
        var gateway = new InMemoryConnectionGateway();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero));
        var a = new EngineNode("a", TestStores.Create(options), gateway, new TableQueueStore(TableServiceClientFactory.Create(options), options), time);
        var b = new EngineNode("b", TestStores.Create(options), gateway, new TableQueueStore(TableServiceClientFactory.Create(options), options), time);
        var queue = $"/queue/reset-{Guid.NewGuid():N}";
        var consumer = a.Open("consumer");
        await consumer.ConnectAsync();
        var subscribed = await consumer.ExchangeAsync($"SUBSCRIBE\nid:q\ndestination:{queue}\nack:client-individual\nprefetch-count:1\nreceipt:s\n\n\0");
        Assert.Equal(StompCommand.Receipt, subscribed.Command);
        var publisher = b.Open("publisher");
        await publisher.ConnectAsync();

        await azurite.StopAsync();
        await azurite.StartAgainAsync();
        time.Advance(CheckInterval + TimeSpan.FromSeconds(1));

        Assert.Empty(await consumer.SendAsync("\n"));
        Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(queue, "one", "r-1")).Command);
        Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(queue, "two", "r-2")).Command);
        var first = Assert.Single(consumer.Delivered);
        Assert.Equal("one", first.Body);
        Assert.Empty(await consumer.SendAsync($"ACK\nid:{first["ack"]}\n\n\0"));

        Assert.Equal(["one", "two"], consumer.Delivered.Select(f => f.Body));
    }
}
