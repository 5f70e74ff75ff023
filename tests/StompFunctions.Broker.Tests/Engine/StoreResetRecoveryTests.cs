using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>
/// The store loses its rows while connections stay open (an in-memory Azurite restarted): each connection's routes come
/// back from its own state on its next frame, heart-beats included; a connection that sends nothing gets an ERROR and
/// is closed; a store that cannot take the rows back means an ERROR too. Never a subscriber that silently hears nothing.
/// </summary>
public sealed class StoreResetRecoveryTests
{
    private static readonly TimeSpan PastCheckInterval = TimeSpan.FromMilliseconds(new StompBrokerOptions().StoreGenerationCheckMilliseconds + 1);

    [Fact]
    public async Task STOMP_S20_routes_lost_with_the_store_come_back_on_the_subscribers_next_frame_even_a_heart_beat()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/news\n\n\0SUBSCRIBE\nid:1\ndestination:/topic/sport.*\n\n\0");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/news\n\nbefore\0");

        harness.MemoryStore.Clear();
        harness.Time.Advance(PastCheckInterval);
        await publisher.ExchangeAsync("SEND\ndestination:/topic/news\n\nlost\0");
        var beat = await subscriber.SendAsync("\n");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/news\n\nafter\0SEND\ndestination:/topic/sport.tennis\n\nmatch\0");

        Assert.True(beat.Reply.IsEmpty);
        Assert.True(beat.ConnectionStateChanged);
        Assert.Equal(["before", "after", "match"], subscriber.Delivered.Select(f => f.BodyText));
        Assert.False(subscriber.Connection.IsClosed);
    }

    [Fact]
    public async Task STOMP_S60_a_subscriber_that_sends_nothing_gets_an_ERROR_and_is_closed_once_the_grace_ends_and_a_restored_one_does_not()
    {
        var harness = new EngineHarness();
        var silent = await harness.ConnectedClientAsync("silent");
        var beating = await harness.ConnectedClientAsync("beating");
        var publisher = await harness.ConnectedClientAsync("pub");
        await silent.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0");
        await beating.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0");

        harness.MemoryStore.Clear();
        harness.Time.Advance(PastCheckInterval);
        await publisher.ExchangeAsync("SEND\ndestination:/topic/a\n\nlost\0");
        await beating.SendAsync("\n");
        Assert.False(silent.Connection.IsClosed);

        harness.Time.Advance(PastCheckInterval * 2);
        await publisher.ExchangeAsync("SEND\ndestination:/topic/a\n\nafter\0");

        var notice = Assert.Single(silent.Delivered);
        Assert.Equal(StompCommand.Error, notice.Command);
        Assert.Equal("subscriptions lost", notice["message"]);
        Assert.Contains("Reconnect and subscribe again", notice.BodyText, StringComparison.Ordinal);
        Assert.True(silent.Connection.IsClosed);
        Assert.False(beating.Connection.IsClosed);
        Assert.Equal(["after"], beating.Delivered.Select(f => f.BodyText));
    }

    [Fact]
    public async Task STOMP_S60_when_the_store_cannot_take_the_routes_back_the_next_frame_gets_an_ERROR_saying_so()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0");

        store.Clear();
        store.Failing.Add(nameof(store.AddSubscriptionAsync));
        harness.Time.Advance(PastCheckInterval);
        var result = await subscriber.SendAsync("SEND\ndestination:/topic/a\nreceipt:r-1\n\nx\0");

        var error = Assert.Single(ParsedFrame.ParseAll(result.Reply));
        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("subscriptions lost", error["message"]);
        Assert.Contains("could not be written again", error.BodyText, StringComparison.Ordinal);
        Assert.StartsWith("STOMP ERROR: ", result.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task STOMP_S30_a_queue_consumer_lost_with_the_store_comes_back_with_its_prefetch_on_its_next_frame()
    {
        var harness = new EngineHarness();
        var consumer = await harness.ConnectedClientAsync("consumer");
        var publisher = await harness.ConnectedClientAsync("pub");
        await consumer.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/jobs\nack:client-individual\nprefetch-count:1\n\n\0");

        // The queue rows go with the store: here the consumer row is removed and the store starts a new generation.
        await harness.Engine.Queues.RemoveConsumerAsync("/queue/jobs", "consumer", "s", CancellationToken.None);
        harness.MemoryStore.Clear();
        harness.Time.Advance(PastCheckInterval);
        await consumer.SendAsync("\n");
        await publisher.ExchangeAsync("SEND\ndestination:/queue/jobs\n\none\0SEND\ndestination:/queue/jobs\n\ntwo\0");

        var first = Assert.Single(consumer.Delivered);
        Assert.Equal("one", first.BodyText);
        await consumer.ExchangeAsync($"ACK\nid:{first["ack"]}\n\n\0");
        Assert.Equal(["one", "two"], consumer.Delivered.Select(f => f.BodyText));
    }

    [Fact]
    public async Task The_generation_is_read_once_per_interval_and_instance_not_per_frame()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0");
        var (writes, generationReads) = (store.Writes, store.GenerationReads);

        for (var i = 0; i < 5; i++)
        {
            var beat = await subscriber.SendAsync("\n");
            Assert.False(beat.ConnectionStateChanged);
            await publisher.ExchangeAsync("SEND\ndestination:/topic/a\n\nx\0");
        }

        harness.Time.Advance(PastCheckInterval);
        await publisher.ExchangeAsync("SEND\ndestination:/topic/a\n\ny\0");

        Assert.Equal(1, generationReads);
        Assert.Equal(2, store.GenerationReads);
        Assert.Equal(writes + 6, store.Writes); // one event claim per delivered SEND, nothing for the generation
        Assert.Equal(6, store.RouteReads);
    }

    [Fact]
    public async Task Frames_that_arrive_while_the_generation_is_being_read_share_that_one_read()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var clients = new List<TestClient>();
        for (var i = 0; i < 5; i++)
        {
            var client = await harness.ConnectedClientAsync($"c{i}");
            await client.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0");
            clients.Add(client);
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.BeforeGenerationRead = () => gate.Task;
        harness.Time.Advance(PastCheckInterval);
        var beats = clients.Select(c => c.SendAsync("\n")).ToList();
        gate.SetResult();
        await Task.WhenAll(beats);

        Assert.Equal(2, store.GenerationReads);
        Assert.All(beats, b => Assert.False(b.Result.ConnectionStateChanged));
    }
}
