using System.Collections.Concurrent;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Testing.Queues;

/// <summary>
/// Failures and limits: two brokers over one store never deliver a message twice, failed sends and lost
/// connections lose nothing, dead letters, TTL and the collector. Derive a class per store.
/// </summary>
public abstract class QueueRecoveryContractTests : QueueContractBase
{
    [Fact]
    public async Task Two_instances_sending_and_acking_concurrently_deliver_every_message_exactly_once()
    {
        var store = await CreateStoreAsync();
        var sibling = await CreateSiblingAsync(store);
        var sink = new RecordingSink();
        var brokers = new[] { NewBroker(store, sink), NewBroker(sibling, sink) };
        var queue = NewQueue();
        var consumers = Enumerable.Range(0, 3).Select(_ => NewConnection()).ToArray();
        for (var i = 0; i < consumers.Length; i++)
        {
            await brokers[i % 2].SubscribeAsync(Consumer(queue, consumers[i], StompAckMode.ClientIndividual, prefetch: 4), Ct);
        }

        const int Count = 120;
        var acked = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var sends = Enumerable.Range(0, 4).Select(publisher => Task.Run(async () =>
        {
            for (var i = publisher; i < Count; i += 4)
            {
                await SendAsync(brokers[i % 2], queue, $"m{i}");
            }
        }));
        var acks = Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var pass = 0; pass < 20_000 && acked.Count < Count; pass++)
            {
                foreach (var delivery in sink.Deliveries.Where((_, index) => index % 2 == worker))
                {
                    if (acked.TryAdd(delivery.Message.Sequence, 0))
                    {
                        Assert.True(await AckAsync(brokers[worker], delivery));
                    }
                }

                await Task.Delay(2);
            }
        }));
        await Task.WhenAll(sends.Concat(acks));

        Assert.Equal(Count, acked.Count);
        Assert.Equal(Count, sink.Deliveries.Count);
        Assert.All(sink.Deliveries, d => Assert.False(d.Redelivered));
        Assert.All(consumers, c => Assert.NotEmpty(sink.To(c)));
    }

    [Fact]
    public async Task A_send_that_fails_puts_the_message_back_uncounted_for_the_next_consumer()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        var (gone, alive) = (NewConnection(), NewConnection());
        sink.Unreachable[gone] = true;
        await broker.SubscribeAsync(Consumer(queue, gone, StompAckMode.ClientIndividual), Ct);
        await SendAsync(broker, queue, "one");
        await SendAsync(broker, queue, "two");
        Assert.Empty(sink.Deliveries);

        Assert.True(await broker.RemoveConsumerAsync(queue, gone, "sub-0", Ct));
        await broker.SubscribeAsync(Consumer(queue, alive, StompAckMode.ClientIndividual), Ct);

        Assert.Equal(["one", "two"], sink.To(alive).Select(TextOf));
        Assert.All(sink.Deliveries, d => Assert.Equal(1, d.Message.Deliveries));
        Assert.All(sink.Deliveries, d => Assert.False(d.Redelivered));
    }

    [Fact]
    public async Task A_message_delivered_MaxDeliveries_times_moves_to_the_dead_letter_queue_with_its_history()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink, configure: o => o.MaxDeliveries = 3);
        var queue = NewQueue();
        await broker.SubscribeAsync(Consumer(queue, NewConnection(), StompAckMode.ClientIndividual), Ct);
        await SendAsync(broker, queue, "poison", new KeyValuePair<string, string>("x-kind", "bad"));

        for (var i = 0; i < 3; i++)
        {
            Assert.True(await NackAsync(broker, sink.Deliveries[^1]));
        }

        Assert.Equal(3, sink.Deliveries.Count);
        var watcher = NewConnection();
        await broker.SubscribeAsync(Consumer(queue + ".dlq", watcher, StompAckMode.Auto), Ct);
        var dead = Assert.Single(sink.To(watcher));
        Assert.Equal("poison", TextOf(dead));
        Assert.Contains(new KeyValuePair<string, string>("x-kind", "bad"), dead.Message.Headers);
        Assert.Contains(new KeyValuePair<string, string>("original-destination", queue), dead.Message.Headers);
        Assert.Contains(new KeyValuePair<string, string>("delivery-count", "3"), dead.Message.Headers);
        Assert.False(dead.Redelivered);
    }

    [Fact]
    public async Task A_message_not_delivered_before_its_expiration_is_dropped()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var broker = NewBroker(store, sink, clock);
        var queue = NewQueue();
        await SendAsync(broker, queue, "stale", new KeyValuePair<string, string>("expiration", "1000"));
        await SendAsync(broker, queue, "fresh", new KeyValuePair<string, string>("expiration", "60000"));
        await SendAsync(broker, queue, "forever");

        clock.Advance(TimeSpan.FromSeconds(5));
        await broker.SubscribeAsync(Consumer(queue, NewConnection(), StompAckMode.Auto), Ct);

        Assert.Equal(["fresh", "forever"], sink.Deliveries.Select(TextOf));
    }

    [Fact]
    public async Task An_auto_mode_claim_whose_instance_died_before_sending_comes_back_after_its_lease()
    {
        var store = await CreateStoreAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var crashed = new RecordingSink();
        var queue = NewQueue();
        var connection = NewConnection();
        var dying = NewBroker(store, crashed, clock);
        await dying.SubscribeAsync(Consumer(queue, connection, StompAckMode.Auto), Ct);

        // Claim as the dying instance would, then "crash": the claim is committed, the send and delete never happen.
        var snapshot = await store.ReadAsync(queue, clock.GetUtcNow().ToUnixTimeMilliseconds(), 10, null, Ct);
        var consumer = Assert.Single(snapshot.Consumers);
        var claimed = new QueuedMessage("00000000000001x", [], new byte[] { 1 }, 1, consumer.Owner, clock.GetUtcNow().ToUnixTimeMilliseconds() + 30_000, null);
        Assert.Equal(Ports.StoreOutcome.Ok, (await store.CommitAsync(queue, [QueueWrite.Add(claimed)], Ct)).Outcome);

        var sink = new RecordingSink();
        var survivor = NewBroker(await CreateSiblingAsync(store), sink, clock);
        await survivor.DispatchAsync(queue, Ct);
        Assert.Empty(sink.Deliveries);

        clock.Advance(TimeSpan.FromSeconds(31));
        await survivor.DispatchAsync(queue, Ct);
        var again = Assert.Single(sink.Deliveries);
        Assert.True(again.Redelivered);
        Assert.True(await survivor.RemoveConsumerAsync(queue, connection, "sub-0", Ct));
        Assert.True(await IsGoneAsync(store, queue));
    }

    [Fact]
    public async Task The_collector_returns_the_messages_of_consumers_whose_connection_is_gone()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        var (vanished, alive) = (NewConnection(), NewConnection());
        await broker.SubscribeAsync(Consumer(queue, vanished, StompAckMode.Client, prefetch: 1), Ct);
        await SendAsync(broker, queue, "held");
        await broker.SubscribeAsync(Consumer(queue, alive, StompAckMode.ClientIndividual, prefetch: 1), Ct);
        await SendAsync(broker, queue, "second");

        var removed = await broker.CollectAsync(queue, (connection, _) => ValueTask.FromResult(connection != vanished), Ct);

        Assert.Equal(1, removed);
        Assert.Equal(["second"], sink.To(alive).Select(TextOf));
        Assert.True(await AckAsync(broker, sink.To(alive)[0]));
        var redelivered = sink.To(alive)[1];
        Assert.Equal("held", TextOf(redelivered));
        Assert.True(redelivered.Redelivered);
    }
}
