using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Testing.Queues;

/// <summary>
/// Point to point, backlog, order, ack modes and prefetch: the behaviour every <see cref="IQueueStore"/> must give
/// the <see cref="QueueBroker"/>. Derive a class per store (in-memory in Broker.Tests, Table in Tables.Tests).
/// </summary>
public abstract class QueueDeliveryContractTests : QueueContractBase
{
    [Fact]
    public async Task Each_message_reaches_exactly_one_of_the_competing_consumers_and_both_get_some()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        var (a, b) = (NewConnection(), NewConnection());
        await broker.SubscribeAsync(Consumer(queue, a, StompAckMode.Auto), Ct);
        await broker.SubscribeAsync(Consumer(queue, b, StompAckMode.Auto), Ct);

        for (var i = 0; i < 20; i++)
        {
            await SendAsync(broker, queue, $"m{i}");
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}").Order(StringComparer.Ordinal), sink.Deliveries.Select(TextOf).Order(StringComparer.Ordinal));
        Assert.InRange(sink.To(a).Count, 5, 15);
        Assert.All(sink.Deliveries, d => Assert.False(d.Redelivered));
    }

    [Fact]
    public async Task Messages_sent_before_any_consumer_wait_and_arrive_in_send_order()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        string? after = null;
        for (var i = 0; i < 40; i++)
        {
            after = await broker.SendAsync(queue, [], new[] { (byte)i }, after, Ct);
        }

        Assert.Empty(sink.Deliveries);
        await broker.SubscribeAsync(Consumer(queue, NewConnection(), StompAckMode.Auto), Ct);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => (byte)i), sink.Deliveries.Select(d => d.Message.Body.Span[0]));
    }

    [Fact]
    public async Task Auto_mode_deliveries_are_gone_and_an_empty_queue_has_no_rows()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        var connection = NewConnection();
        await broker.SubscribeAsync(Consumer(queue, connection, StompAckMode.Auto), Ct);
        await SendAsync(broker, queue, "one");

        Assert.True(await broker.RemoveConsumerAsync(queue, connection, "sub-0", Ct));

        Assert.Equal("one", TextOf(Assert.Single(sink.Deliveries)));
        Assert.True(await IsGoneAsync(store, queue));
    }

    [Fact]
    public async Task Prefetch_caps_unsettled_messages_and_each_ACK_hands_over_the_next()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(broker, queue, $"m{i}");
        }

        await broker.SubscribeAsync(Consumer(queue, NewConnection(), StompAckMode.ClientIndividual, prefetch: 2), Ct);
        Assert.Equal(["m0", "m1"], sink.Deliveries.Select(TextOf));

        Assert.True(await AckAsync(broker, sink.Deliveries[1]));
        Assert.Equal(["m0", "m1", "m2"], sink.Deliveries.Select(TextOf));
        Assert.False(await AckAsync(broker, sink.Deliveries[1]), "an ACK settles once");
    }

    [Fact]
    public async Task A_client_mode_ACK_settles_every_earlier_delivery_of_the_subscription()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        var connection = NewConnection();
        await broker.SubscribeAsync(Consumer(queue, connection, StompAckMode.Client, prefetch: 3), Ct);
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(broker, queue, $"m{i}");
        }

        Assert.True(await AckAsync(broker, sink.Deliveries[2]));

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], sink.Deliveries.Select(TextOf));
        Assert.False(await AckAsync(broker, sink.Deliveries[0]), "settled by the cumulative ACK");
        Assert.True(await broker.RemoveConsumerAsync(queue, connection, "sub-0", Ct));
        var next = NewConnection();
        await broker.SubscribeAsync(Consumer(queue, next, StompAckMode.Auto), Ct);
        Assert.Equal(["m3", "m4"], sink.To(next).Select(TextOf));
    }

    [Fact]
    public async Task Unsettled_messages_of_a_consumer_that_leaves_go_to_another_marked_redelivered()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        var (first, second) = (NewConnection(), NewConnection());
        await broker.SubscribeAsync(Consumer(queue, first, StompAckMode.ClientIndividual, prefetch: 10), Ct);
        await SendAsync(broker, queue, "kept");
        await SendAsync(broker, queue, "acked");
        Assert.True(await AckAsync(broker, sink.To(first)[1]));

        await broker.SubscribeAsync(Consumer(queue, second, StompAckMode.ClientIndividual), Ct);
        Assert.Empty(sink.To(second));
        Assert.True(await broker.RemoveConsumerAsync(queue, first, "sub-0", Ct));

        var redelivered = Assert.Single(sink.To(second));
        Assert.Equal("kept", TextOf(redelivered));
        Assert.True(redelivered.Redelivered);
        Assert.Equal(2, redelivered.Message.Deliveries);
    }

    [Fact]
    public async Task NACK_puts_the_message_back_and_its_next_delivery_is_marked_redelivered()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        await broker.SubscribeAsync(Consumer(queue, NewConnection(), StompAckMode.ClientIndividual), Ct);
        await SendAsync(broker, queue, "again");

        Assert.True(await NackAsync(broker, sink.Deliveries[0]));

        Assert.Equal(2, sink.Deliveries.Count);
        Assert.Equal(sink.Deliveries[0].Message.Sequence, sink.Deliveries[1].Message.Sequence);
        Assert.False(sink.Deliveries[0].Redelivered);
        Assert.True(sink.Deliveries[1].Redelivered);
    }

    [Fact]
    public async Task Headers_and_binary_bodies_survive_the_store()
    {
        var store = await CreateStoreAsync();
        var sink = new RecordingSink();
        var broker = NewBroker(store, sink);
        var queue = NewQueue();
        var body = Enumerable.Range(0, 100 * 1024).Select(i => (byte)(i * 7)).ToArray();
        KeyValuePair<string, string>[] headers = [new("content-type", "application/octet-stream"), new("x-odd", "a:b\nc\\d"), new("x-odd", "second")];
        await broker.SendAsync(queue, headers, body, null, Ct);

        await broker.SubscribeAsync(Consumer(queue, NewConnection(), StompAckMode.Auto), Ct);

        var delivery = Assert.Single(sink.Deliveries);
        Assert.Equal(body, delivery.Message.Body.ToArray());
        Assert.Equal(headers, delivery.Message.Headers);
    }
}
