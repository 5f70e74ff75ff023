using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Testing.Queues;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Queues;

/// <summary>
/// Table requests per queue operation of the broker, counted by a pipeline policy on a real Azurite, against the
/// targets of issue 19: SEND to a queue with a ready consumer at most 3 requests and one send (REST call); ACK at most
/// 3 including handing the next message over. A SEND carries its event's key, as the engine's do with
/// <c>ApplyEventsOnce</c> on: the publisher's mark rides in the same transaction. The same targets through the whole
/// engine: <c>QueueFrameRequestBudgetTests</c>. docs/table-design.md lists the numbers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueRequestBudgetTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => CancellationToken.None;

    [Theory]
    [InlineData(StompAckMode.ClientIndividual, 3)]
    [InlineData(StompAckMode.Client, 3)]
    [InlineData(StompAckMode.Auto, 3)]
    public async Task SEND_to_a_queue_with_a_ready_consumer_is_at_most_3_requests_and_one_send(StompAckMode mode, int expected)
    {
        var (broker, counter, sink, queue) = await ReadyAsync();
        await broker.SubscribeAsync(new QueueConsumer(queue, "c1", "sub-0", mode, 0, []), Ct);
        counter.Reset();

        await Send(broker, queue, "hello", new QueueEventKey("publisher", "", 0));

        Assert.Single(sink.Deliveries);
        Assert.Equal(expected, counter.Total);
    }

    [Fact]
    public async Task SEND_with_no_consumer_is_a_read_a_write_and_a_second_read()
    {
        var (broker, counter, sink, queue) = await ReadyAsync();
        counter.Reset();

        await Send(broker, queue, "waits");

        Assert.Empty(sink.Deliveries);
        Assert.Equal(2, counter.Reads);
        Assert.Equal(1, counter.Writes);
    }

    [Theory]
    [InlineData(StompAckMode.ClientIndividual, 3)]
    [InlineData(StompAckMode.Client, 3)]
    public async Task ACK_that_hands_over_the_next_waiting_message_is_at_most_3_requests(StompAckMode mode, int expected)
    {
        var (broker, counter, sink, queue) = await ReadyAsync();
        await broker.SubscribeAsync(new QueueConsumer(queue, "c1", "sub-0", mode, 1, []), Ct);
        await Send(broker, queue, "first");
        await Send(broker, queue, "second");
        counter.Reset();

        Assert.True(await broker.AckAsync(queue, "c1", "sub-0", sink.Deliveries[0].Message.Sequence, Ct));

        Assert.Equal(2, sink.Deliveries.Count);
        Assert.Equal(expected, counter.Total);
    }

    [Theory]
    [InlineData(StompAckMode.ClientIndividual)]
    [InlineData(StompAckMode.Client)]
    public async Task ACK_with_nothing_waiting_is_at_most_3_requests(StompAckMode mode)
    {
        var (broker, counter, sink, queue) = await ReadyAsync();
        await broker.SubscribeAsync(new QueueConsumer(queue, "c1", "sub-0", mode, 1, []), Ct);
        await Send(broker, queue, "only");
        counter.Reset();

        Assert.True(await broker.AckAsync(queue, "c1", "sub-0", sink.Deliveries[0].Message.Sequence, Ct));

        Assert.Equal(3, counter.Total);
    }

    [Fact]
    public async Task A_queue_without_traffic_costs_nothing_and_keeps_no_rows_once_drained()
    {
        var (broker, counter, sink, queue) = await ReadyAsync();
        await broker.SubscribeAsync(new QueueConsumer(queue, "c1", "sub-0", StompAckMode.ClientIndividual, 0, []), Ct);
        await Send(broker, queue, "x");
        Assert.True(await broker.AckAsync(queue, "c1", "sub-0", sink.Deliveries[0].Message.Sequence, Ct));
        Assert.True(await broker.RemoveConsumerAsync(queue, "c1", "sub-0", Ct));
        counter.Reset();

        // Nothing of the broker runs between frames: no timer, no polling, so an idle queue makes no request.
        await Task.Delay(200);

        Assert.Equal(0, counter.Total);
    }

    private async Task<(QueueBroker Broker, TableRequestCounter Counter, RecordingSink Sink, string Queue)> ReadyAsync()
    {
        var counter = new TableRequestCounter();
        var store = TestQueueStores.Create(azurite, counter);
        var sink = new RecordingSink();
        var broker = new QueueBroker(store, sink, Options.Create(new StompQueueOptions()), TimeProvider.System, new BudgetIds(), NullLogger<QueueBroker>.Instance);
        var queue = $"/queue/budget-{Guid.NewGuid():N}";

        // Creates the table, so the counts below are the frames' own.
        await store.ListQueuesAsync(null, 1, Ct);
        return (broker, counter, sink, queue);
    }

    private static Task<string> Send(QueueBroker broker, string queue, string text, QueueEventKey? key = null) =>
        broker.SendAsync(queue, [], Encoding.UTF8.GetBytes(text), null, key, Ct).AsTask();

    private sealed class BudgetIds : IStompIdGenerator
    {
        public string NewId() => "budget";
    }
}
