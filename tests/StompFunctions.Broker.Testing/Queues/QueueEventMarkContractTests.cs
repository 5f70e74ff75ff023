using System.Text;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Testing.Queues;

/// <summary>
/// What makes a retried event's enqueue a no-op without a claim write of its own, for every queue store: the
/// connection's <see cref="QueueEventMark"/> is committed with the message, and an enqueue it covers stores nothing.
/// </summary>
public abstract class QueueEventMarkContractTests : QueueContractBase
{
    [Fact]
    public async Task An_enqueue_the_mark_covers_stores_nothing_and_returns_the_recorded_sequence()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var (queue, publisher) = (NewQueue(), NewConnection());

        var first = await SendOnceAsync(broker, queue, new(publisher, "", 0), "a");
        var retried = await SendOnceAsync(broker, queue, new(publisher, "", 0), "a");
        var second = await SendOnceAsync(broker, queue, new(publisher, "", 1), "b");
        var retriedFirstAfterSecond = await SendOnceAsync(broker, queue, new(publisher, "", 0), "a");
        await SendOnceAsync(broker, queue, new(publisher, second, 0), "c");
        await SendOnceAsync(broker, queue, new(NewConnection(), "", 0), "other publisher");

        Assert.Equal(first, retried);
        Assert.Equal(second, retriedFirstAfterSecond);
        await broker.SubscribeAsync(Consumer(queue, NewConnection(), StompAckMode.Auto), Ct);
        Assert.Equal(["a", "b", "c", "other publisher"], sink.Deliveries.Select(TextOf));
    }

    [Fact]
    public async Task A_mark_is_found_behind_a_backlog_longer_than_one_read()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink, configure: o => o.ReadBatch = 2);
        var (queue, publisher) = (NewQueue(), NewConnection());
        var (before, last) = ("", "");
        for (var i = 0; i < 5; i++)
        {
            (before, last) = (last, await SendOnceAsync(broker, queue, new(publisher, last, 0), $"m{i}"));
        }

        // The last event retried: its mark sorts before the waiting messages, so the first page of the read holds it.
        Assert.Equal(last, await SendOnceAsync(broker, queue, new(publisher, before, 0), "m4"));
        var snapshot = await store.ReadAsync(queue, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 2, publisher, Ct);
        Assert.True(snapshot.MoreReady);
        Assert.Equal(last, snapshot.Mark?.Sequence);
        await broker.SubscribeAsync(Consumer(queue, NewConnection(), StompAckMode.Auto), Ct);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], sink.Deliveries.Select(TextOf));
    }

    [Fact]
    public async Task Two_attempts_of_one_event_on_two_instances_at_once_store_it_once()
    {
        var store = await CreateStoreAsync();
        var sibling = await CreateSiblingAsync(store);
        var sink = new RecordingSink();
        var (one, two) = (NewBroker(store, sink), NewBroker(sibling, sink));
        var (queue, publisher) = (NewQueue(), NewConnection());

        for (var index = 0; index < 5; index++)
        {
            var key = new QueueEventKey(publisher, "", index);
            var attempts = await Task.WhenAll(SendOnceAsync(one, queue, key, $"m{index}"), SendOnceAsync(two, queue, key, $"m{index}"));
            Assert.Equal(attempts[0], attempts[1]);
        }

        await one.SubscribeAsync(Consumer(queue, NewConnection(), StompAckMode.Auto), Ct);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], sink.Deliveries.Select(TextOf));
    }

    [Fact]
    public async Task The_collector_deletes_the_marks_of_gone_publishers_and_a_drained_queue_keeps_no_rows()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var (queue, gone, alive, consumer) = (NewQueue(), NewConnection(), NewConnection(), NewConnection());
        await broker.SubscribeAsync(Consumer(queue, consumer, StompAckMode.Auto), Ct);
        await SendOnceAsync(broker, queue, new(gone, "", 0), "x");
        await SendOnceAsync(broker, queue, new(alive, "", 0), "y");

        await broker.CollectAsync(queue, (connection, _) => ValueTask.FromResult(connection != gone), Ct);

        Assert.Equal([alive], (await store.ReadMarksAsync(queue, Ct)).Select(m => m.ConnectionId));
        Assert.True(await broker.RemoveConsumerAsync(queue, consumer, "sub-0", Ct));
        Assert.False(await IsGoneAsync(store, queue));
        await broker.CollectAsync(queue, (_, _) => ValueTask.FromResult(false), Ct);
        Assert.True(await IsGoneAsync(store, queue));
    }

    private static Task<string> SendOnceAsync(QueueBroker broker, string queue, QueueEventKey key, string text) =>
        broker.SendAsync(queue, [], Encoding.UTF8.GetBytes(text), null, key, Ct).AsTask();
}
