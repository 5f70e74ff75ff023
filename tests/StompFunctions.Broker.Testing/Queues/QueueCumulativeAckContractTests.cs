using System.Text;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Testing.Queues;

/// <summary>
/// A <c>client</c>-mode (cumulative) ACK settles only deliveries known to have been sent: its own, the earlier ones of its
/// claim batch, and those a sent record shows; a delivery whose instance died between claim and send goes back and is
/// redelivered, never lost (docs/queues.md). Derive a class per store.
/// </summary>
public abstract class QueueCumulativeAckContractTests : QueueContractBase
{
    [Fact]
    public async Task STOMP_S41_a_cumulative_ACK_of_a_newer_delivery_puts_back_one_whose_instance_died_before_sending_it()
    {
        var store = await CreateStoreAsync();
        var queue = NewQueue();
        var connection = NewConnection();
        var sink = new RecordingSink();
        var survivor = NewBroker(await CreateSiblingAsync(store), sink);
        await survivor.SubscribeAsync(Consumer(queue, connection, StompAckMode.Client, prefetch: 10), Ct);

        // The dying instance commits its claim, then ends (its token cancelled) before the REST send.
        using var crash = new CancellationTokenSource();
        var dying = NewBroker(store, new RecordingSink
        {
            Fault = _ =>
            {
                crash.Cancel();
                return new OperationCanceledException(crash.Token);
            },
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            dying.SendAsync(queue, [], Encoding.UTF8.GetBytes("unsent"), null, crash.Token).AsTask());

        await SendAsync(survivor, queue, "newer");
        var newer = Assert.Single(sink.Deliveries);
        Assert.True(await AckAsync(survivor, newer));

        Assert.Equal(["newer", "unsent"], sink.Deliveries.Select(TextOf));
        var again = sink.Deliveries[1];
        Assert.True(again.Redelivered);
        Assert.Equal(2, again.Message.Deliveries);
        var lost = new[] { "unsent", "newer" }.Except(sink.Deliveries.Select(TextOf));
        Assert.Empty(lost);

        Assert.True(await AckAsync(survivor, again));
        Assert.True(await survivor.RemoveConsumerAsync(queue, connection, "sub-0", Ct));
        Assert.True(await IsGoneAsync(store, queue));
    }

    [Fact]
    public async Task STOMP_S41_a_cumulative_ACK_of_the_third_message_of_a_batch_settles_the_first_two_without_a_sent_record()
    {
        // No sent record is ever stored, so only the batch rule can settle the first two.
        var q = await ClientQueue.CreateAsync(this, recordsLost: true);
        await q.SendAllAsync("one", "two", "three");
        await q.SubscribeAsync();
        Assert.Equal(["one", "two", "three"], q.Texts);

        Assert.True(await AckAsync(q.Broker, q.Sink.Deliveries[2]));

        Assert.Equal(3, q.Sink.Deliveries.Count);
        await q.EndsDrainedWithoutRedeliveryAsync();
    }

    [Fact]
    public async Task A_cumulative_ACK_settles_an_earlier_batch_whose_sent_record_shows_it_sent()
    {
        var q = await ClientQueue.CreateAsync(this, recordsLost: false);
        await q.SubscribeAsync();
        await q.SendAllAsync("first batch", "second batch");

        Assert.True(await AckAsync(q.Broker, q.Sink.Deliveries[1]));

        Assert.Equal(["first batch", "second batch"], q.Texts);
        await q.EndsDrainedWithoutRedeliveryAsync();
    }

    [Fact]
    public async Task A_cumulative_ACK_puts_back_an_earlier_batch_whose_sent_record_was_lost_a_duplicate_never_a_loss()
    {
        var q = await ClientQueue.CreateAsync(this, recordsLost: true);
        await q.SubscribeAsync();
        await q.SendAllAsync("first batch", "second batch");

        Assert.True(await AckAsync(q.Broker, q.Sink.Deliveries[1]));

        Assert.Equal(["first batch", "second batch", "first batch"], q.Texts);
        Assert.True(q.Sink.Deliveries[2].Redelivered);
    }

    [Fact]
    public async Task A_failed_send_stops_the_rest_of_its_batch_so_no_later_delivery_of_it_overtakes_the_failed_one()
    {
        var q = await ClientQueue.CreateAsync(this, recordsLost: false);
        await q.SendAllAsync("one", "two", "three");
        var failures = 0;
        q.Sink.Fault = d => TextOf(d) == "two" && Interlocked.Increment(ref failures) == 1 ? new IOException("The test failed this send.") : null;
        await q.SubscribeAsync();
        await q.Broker.DispatchAsync(q.Queue, Ct);

        // "three" went out only after "two" was sent again, not in the round where "two" failed.
        Assert.Equal(2, failures);
        Assert.Equal(["one", "two", "three"], q.Texts);
        Assert.True(await AckAsync(q.Broker, q.Sink.Deliveries[2]));
        await q.EndsDrainedWithoutRedeliveryAsync();
    }

    [Fact]
    public async Task Two_instances_sending_and_acking_cumulatively_at_once_lose_nothing_and_mark_every_repeat_redelivered()
    {
        var store = await CreateStoreAsync();
        var sibling = await CreateSiblingAsync(store);
        var sink = new RecordingSink();
        var brokers = new[] { NewBroker(store, sink), NewBroker(sibling, sink) };
        var queue = NewQueue();
        var consumers = new[] { NewConnection(), NewConnection() };
        for (var i = 0; i < consumers.Length; i++)
        {
            await brokers[i].SubscribeAsync(Consumer(queue, consumers[i], StompAckMode.Client, prefetch: 4), Ct);
        }

        const int Count = 60;
        var sending = Task.WhenAll(Enumerable.Range(0, 4).Select(publisher => Task.Run(async () =>
        {
            for (var i = publisher; i < Count; i += 4)
            {
                await SendAsync(brokers[i % 2], queue, $"m{i}");
            }
        })));

        // Each pass ACKs a consumer's newest unacknowledged delivery first (settling the earlier ones at once), then the rest.
        var acked = new HashSet<QueueDelivery>();
        for (var pass = 0; pass < 5_000; pass++)
        {
            foreach (var (connection, index) in consumers.Select((c, i) => (c, i)))
            {
                var open = sink.To(connection).Where(acked.Add).ToList();
                foreach (var delivery in open.AsEnumerable().Reverse())
                {
                    await AckAsync(brokers[(pass + index) % 2], delivery);
                }
            }

            if (sending.IsCompleted && await IsDrainedAsync(store, queue))
            {
                break;
            }

            await Task.Delay(2);
        }

        await sending;
        Assert.True(await IsDrainedAsync(store, queue));
        var texts = sink.Deliveries.Select(TextOf).ToList();
        Assert.Empty(Enumerable.Range(0, Count).Select(i => $"m{i}").Except(texts));
        Assert.All(texts.Select((text, i) => (text, i)).Where(x => texts.IndexOf(x.text) < x.i), x => Assert.True(sink.Deliveries[x.i].Redelivered));
    }

    private static async Task<bool> IsDrainedAsync(IQueueStore store, string queue)
    {
        var snapshot = await store.ReadAsync(queue, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 1, null, Ct);
        return snapshot.Ready.Count == 0 && snapshot.Consumers.All(static c => c.InFlight.Count == 0);
    }

    // One client-mode consumer (prefetch 10) on a fresh queue, over the store under test or one that loses every sent record.
    private sealed record ClientQueue(IQueueStore Store, QueueBroker Broker, RecordingSink Sink, string Queue, string Connection)
    {
        public IReadOnlyList<string> Texts => [.. Sink.Deliveries.Select(TextOf)];

        public static async Task<ClientQueue> CreateAsync(QueueCumulativeAckContractTests suite, bool recordsLost)
        {
            var store = await suite.CreateStoreAsync();
            var sink = new RecordingSink();
            return new ClientQueue(store, NewBroker(recordsLost ? new SentRecordsLostStore(store) : store, sink), sink, NewQueue(), NewConnection());
        }

        public ValueTask SubscribeAsync() => Broker.SubscribeAsync(Consumer(Queue, Connection, StompAckMode.Client, prefetch: 10), Ct);

        public async Task SendAllAsync(params string[] texts)
        {
            foreach (var text in texts)
            {
                await SendAsync(Broker, Queue, text);
            }
        }

        public async Task EndsDrainedWithoutRedeliveryAsync()
        {
            Assert.True(await Broker.RemoveConsumerAsync(Queue, Connection, "sub-0", Ct));
            Assert.Empty(Sink.Deliveries.Where(static d => d.Redelivered));
            Assert.True(await IsGoneAsync(Store, Queue));
        }
    }
}
