using Microsoft.Extensions.Logging.Abstractions;
using StompFunctions.Broker.Collector;
using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Queues;

/// <summary>Queues through the engine: SEND, SUBSCRIBE, ACK/NACK, UNSUBSCRIBE, disconnect, transactions, publishing, collector.</summary>
public sealed class QueueEngineTests
{
    [Fact]
    public async Task STOMP_S30_a_queue_SEND_before_any_SUBSCRIBE_waits_and_reaches_one_connection_with_no_group()
    {
        var harness = new EngineHarness();
        var publisher = await harness.ConnectedClientAsync("pub");
        var consumer = await harness.ConnectedClientAsync("sub");
        await publisher.ExchangeAsync("SEND\ndestination:/queue/jobs\nx-job:7\n\nwork\0");

        await consumer.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/jobs\nack:client-individual\n\n\0");

        var message = Assert.Single(consumer.Delivered);
        Assert.Equal(("MESSAGE", "/queue/jobs", "s", "work", "7"), (message.Command.ToString().ToUpperInvariant(), message["destination"], message["subscription"], message.BodyText, message["x-job"]));
        Assert.Equal($"s@{message["message-id"]}", message["ack"]);
        Assert.False(message.Has("redelivered"));
        // The one group it joins is the store generation's notice group ("stomp.~store."), which no message goes to.
        Assert.DoesNotContain(harness.Gateway.Operations, o => o.Kind is GatewayOperationKind.SendToGroup
            || (o.Kind is GatewayOperationKind.AddToGroup && !o.Target.StartsWith("stomp.~store.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Competing_consumers_each_get_some_and_every_message_once_and_topic_subscribers_none()
    {
        var harness = new EngineHarness();
        var publisher = await harness.ConnectedClientAsync("pub");
        var first = await harness.ConnectedClientAsync("a");
        var second = await harness.ConnectedClientAsync("b");
        var topic = await harness.ConnectedClientAsync("t");
        await first.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/work\n\n\0");
        await second.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/work\n\n\0");
        await topic.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/topic/work\n\n\0");

        for (var i = 0; i < 10; i++)
        {
            await publisher.ExchangeAsync($"SEND\ndestination:/queue/work\n\nm{i}\0");
        }

        Assert.Equal(10, first.Delivered.Count + second.Delivered.Count);
        Assert.Equal(10, first.Delivered.Concat(second.Delivered).Select(m => m.BodyText).Distinct().Count());
        Assert.NotEmpty(first.Delivered);
        Assert.NotEmpty(second.Delivered);
        Assert.Empty(topic.Delivered);
    }

    [Fact]
    public async Task STOMP_S45_prefetch_count_caps_unacknowledged_messages_and_ACK_hands_over_the_next()
    {
        var harness = new EngineHarness();
        var publisher = await harness.ConnectedClientAsync("pub");
        var consumer = await harness.ConnectedClientAsync("sub");
        await consumer.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/p\nack:client-individual\nprefetch-count:2\n\n\0");
        for (var i = 0; i < 4; i++)
        {
            await publisher.ExchangeAsync($"SEND\ndestination:/queue/p\n\nm{i}\0");
        }

        Assert.Equal(["m0", "m1"], consumer.Delivered.Select(m => m.BodyText));
        var receipt = Assert.Single(await consumer.ExchangeAsync($"ACK\nid:{consumer.Delivered[0]["ack"]}\nreceipt:r1\n\n\0"));

        Assert.Equal("r1", receipt["receipt-id"]);
        Assert.Equal(["m0", "m1", "m2"], consumer.Delivered.Select(m => m.BodyText));
    }

    [Fact]
    public async Task A_prefetch_count_that_is_not_a_positive_number_is_refused()
    {
        var harness = new EngineHarness();
        var consumer = await harness.ConnectedClientAsync("sub");

        var error = Assert.Single(await consumer.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/p\nack:client\nprefetch-count:lots\n\n\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("invalid prefetch-count", error["message"]);
    }

    [Fact]
    public async Task STOMP_S47_NACK_redelivers_with_redelivered_true()
    {
        var harness = new EngineHarness();
        var consumer = await harness.ConnectedClientAsync("sub");
        await consumer.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/n\nack:client-individual\n\n\0");
        await (await harness.ConnectedClientAsync("pub")).ExchangeAsync("SEND\ndestination:/queue/n\n\nagain\0");

        await consumer.ExchangeAsync($"NACK\nid:{consumer.Delivered[0]["ack"]}\n\n\0");

        Assert.Equal(2, consumer.Delivered.Count);
        Assert.Equal(consumer.Delivered[0]["message-id"], consumer.Delivered[1]["message-id"]);
        Assert.Equal("true", consumer.Delivered[1]["redelivered"]);
    }

    [Fact]
    public async Task UNSUBSCRIBE_and_a_lost_connection_give_unacknowledged_messages_to_the_other_consumer()
    {
        var harness = new EngineHarness();
        var leaving = await harness.ConnectedClientAsync("leaving");
        var dropped = await harness.ConnectedClientAsync("dropped");
        var staying = await harness.ConnectedClientAsync("staying");
        var publisher = await harness.ConnectedClientAsync("pub");
        await leaving.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/u\nack:client\nprefetch-count:1\n\n\0");
        await dropped.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/u\nack:client\nprefetch-count:1\n\n\0");
        await publisher.ExchangeAsync("SEND\ndestination:/queue/u\n\none\0");
        await publisher.ExchangeAsync("SEND\ndestination:/queue/u\n\ntwo\0");
        await staying.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/u\nack:client-individual\nprefetch-count:5\n\n\0");
        Assert.Empty(staying.Delivered);

        await leaving.ExchangeAsync("UNSUBSCRIBE\nid:s\n\n\0");
        await dropped.DisconnectedAsync();

        Assert.Equal(["one", "two"], staying.Delivered.Select(m => m.BodyText).Order(StringComparer.Ordinal));
        Assert.All(staying.Delivered, m => Assert.Equal("true", m["redelivered"]));
    }

    [Fact]
    public async Task STOMP_S52_queue_SENDs_and_ACKs_in_a_transaction_take_effect_at_COMMIT_and_never_after_ABORT()
    {
        var harness = new EngineHarness();
        var consumer = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await consumer.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/tx\nack:client-individual\nprefetch-count:1\n\n\0");

        await publisher.ExchangeAsync("BEGIN\ntransaction:t1\n\n\0SEND\ndestination:/queue/tx\ntransaction:t1\n\ndropped\0ABORT\ntransaction:t1\n\n\0");
        await publisher.ExchangeAsync("BEGIN\ntransaction:t2\n\n\0SEND\ndestination:/queue/tx\ntransaction:t2\n\nfirst\0SEND\ndestination:/queue/tx\ntransaction:t2\n\nsecond\0");
        Assert.Empty(consumer.Delivered);
        await publisher.ExchangeAsync("COMMIT\ntransaction:t2\n\n\0");
        Assert.Equal(["first"], consumer.Delivered.Select(m => m.BodyText));

        await consumer.ExchangeAsync($"BEGIN\ntransaction:a\n\n\0ACK\nid:{consumer.Delivered[0]["ack"]}\ntransaction:a\n\n\0");
        Assert.Single(consumer.Delivered);
        await consumer.ExchangeAsync("COMMIT\ntransaction:a\n\n\0");

        Assert.Equal(["first", "second"], consumer.Delivered.Select(m => m.BodyText));
    }

    [Fact]
    public async Task Publishing_from_the_server_to_a_queue_keeps_the_message_for_a_consumer()
    {
        var harness = new EngineHarness();
        Assert.Equal(1, await harness.Engine.Publisher.PublishAsync("/queue/server", "from a timer"));
        var consumer = await harness.ConnectedClientAsync("sub");

        await consumer.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/server\n\n\0");

        Assert.Equal("from a timer", Assert.Single(consumer.Delivered).BodyText);
    }

    [Fact]
    public async Task The_collector_returns_the_messages_of_a_consumer_whose_disconnected_event_never_came()
    {
        var harness = new EngineHarness();
        var vanished = await harness.ConnectedClientAsync("vanished");
        var staying = await harness.ConnectedClientAsync("staying");
        await vanished.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/c\nack:client\nprefetch-count:1\n\n\0");
        await (await harness.ConnectedClientAsync("pub")).ExchangeAsync("SEND\ndestination:/queue/c\n\nheld\0");
        await staying.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/c\nack:client\n\n\0");
        harness.Gateway.Disconnect("vanished");
        var collector = new StompRouteCollector(harness.Store, harness.Gateway, NullLogger<StompRouteCollector>.Instance, harness.Engine.Queues);

        var result = await collector.CollectAsync();

        Assert.Equal(1, result.QueueConsumersRemoved);
        Assert.Equal("held", Assert.Single(staying.Delivered).BodyText);
    }

    [Fact]
    public async Task A_publisher_session_carries_its_last_queue_sequence()
    {
        var harness = new EngineHarness();
        var publisher = await harness.ConnectedClientAsync("pub");
        var before = publisher.State;

        var result = await publisher.SendAsync("SEND\ndestination:/queue/order\n\nx\0");

        Assert.True(result.ConnectionStateChanged);
        Assert.NotEqual(before, publisher.State);
        Assert.IsType<InMemoryQueueStore>(harness.Engine.Queues.Store);
    }
}
