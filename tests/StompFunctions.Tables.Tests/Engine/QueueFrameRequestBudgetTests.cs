using StompFunctions.Broker;
using StompFunctions.Broker.Testing;
using StompFunctions.Protocol;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Queues;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>
/// Table requests and REST calls per queue frame through the whole engine, with <see cref="StompBrokerOptions.ApplyEventsOnce"/>
/// on (the default), counted by a pipeline policy on a real Azurite against the targets of issue 19: SEND to a queue
/// with a ready consumer at most 3 Table requests and one REST call; ACK at most 3 including handing the next message
/// to that consumer. The event's claim rides in the queue's own transaction, so it costs no request of its own.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueFrameRequestBudgetTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("auto", 3)]
    [InlineData("client", 3)]
    [InlineData("client-individual", 3)]
    public async Task A_SEND_to_a_queue_with_a_ready_consumer_is_at_most_3_Table_requests_and_one_REST_call_with_events_applied_once(string ack, int expected)
    {
        var (node, counter, queue) = NewNode();
        var consumer = await ConnectedAsync(node, "consumer");
        await consumer.SubscribeAsync(queue, "s", ack);
        var publisher = await ConnectedAsync(node, "publisher");

        // The first SEND inserts the publisher's mark, each later one replaces it: both are counted.
        for (var i = 0; i < 2; i++)
        {
            counter.Reset();
            node.Gateway.ClearOperations();

            await publisher.SendAsync($"SEND\ndestination:{queue}\n\nm{i}\0");

            Assert.Equal(expected, counter.Total);
            Assert.Equal(GatewayOperationKind.SendToConnection, Assert.Single(node.Gateway.Operations).Kind);
        }

        Assert.Equal(["m0", "m1"], consumer.Delivered.Select(m => m.Body));
    }

    [Theory]
    [InlineData("client", 3)]
    [InlineData("client-individual", 3)]
    public async Task An_ACK_handing_the_next_message_to_its_consumer_is_at_most_3_Table_requests_and_one_REST_call(string ack, int expected)
    {
        var (node, counter, queue) = NewNode();
        var consumer = await ConnectedAsync(node, "consumer");
        Assert.Equal(StompCommand.Receipt, (await consumer.ExchangeAsync($"SUBSCRIBE\nid:s\ndestination:{queue}\nack:{ack}\nprefetch-count:1\nreceipt:r\n\n\0")).Command);
        var publisher = await ConnectedAsync(node, "publisher");
        await publisher.SendAsync($"SEND\ndestination:{queue}\n\nfirst\0SEND\ndestination:{queue}\n\nsecond\0");
        var first = Assert.Single(consumer.Delivered);
        counter.Reset();
        node.Gateway.ClearOperations();

        Assert.Empty(await consumer.SendAsync($"ACK\nid:{first["ack"]}\n\n\0"));

        // In client mode the third is the record of what was sent (docs/queues.md), which a later cumulative ACK reads.
        Assert.Equal(expected, counter.Total);
        Assert.Equal(GatewayOperationKind.SendToConnection, Assert.Single(node.Gateway.Operations).Kind);
        Assert.Equal(["first", "second"], consumer.Delivered.Select(m => m.Body));

        counter.Reset();
        Assert.Empty(await consumer.SendAsync($"ACK\nid:{consumer.Delivered[1]["ack"]}\n\n\0"));
        Assert.Equal(3, counter.Total);
    }

    [Fact]
    public async Task A_retried_queue_SEND_is_stored_once_and_costs_one_read()
    {
        var (node, counter, queue) = NewNode();
        var publisher = await ConnectedAsync(node, "publisher");
        var before = publisher.State;
        var frames = $"SEND\ndestination:{queue}\nreceipt:r\n\nonce\0";

        await publisher.SendAsync(frames);
        var first = publisher.State;
        publisher.Rewind(before);
        counter.Reset();
        var retry = await publisher.SendAsync(frames);

        Assert.Equal(1, counter.Total);
        Assert.Equal(StompCommand.Receipt, Assert.Single(retry).Command);
        Assert.Equal(first, publisher.State);
        var consumer = await ConnectedAsync(node, "consumer");
        await consumer.SubscribeAsync(queue, "s");
        Assert.Equal("once", Assert.Single(consumer.Delivered).Body);
    }

    private (EngineNode Node, TableRequestCounter Counter, string Queue) NewNode()
    {
        Assert.True(new StompBrokerOptions().ApplyEventsOnce);
        var counter = new TableRequestCounter();
        var options = TestTableOptions.For(azurite, counter);
        var node = new EngineNode("a", TestStores.Create(options), new InMemoryConnectionGateway(), new TableQueueStore(TableServiceClientFactory.Create(options), options));
        return (node, counter, $"/queue/frames-{Guid.NewGuid():N}");
    }

    private static async Task<StompTestConnection> ConnectedAsync(EngineNode node, string id)
    {
        var connection = node.Open(id);
        await connection.ConnectAsync();
        return connection;
    }
}
