using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Testing.Queues;

/// <summary>
/// What the queue contract suites share: a broker over the store under test, fresh queue and connection names
/// (so one store, such as one Azurite, serves every test in parallel), and helpers to send and settle.
/// </summary>
public abstract class QueueContractBase
{
    private static int _ids;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>Returns the store under test (new, or shared: tests never collide on names).</summary>
    protected abstract ValueTask<IQueueStore> CreateStoreAsync();

    /// <summary>A second store object over the same data, as a second function instance would have.</summary>
    protected abstract ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store);

    protected static QueueBroker NewBroker(IQueueStore store, IQueueDeliverySink sink, TimeProvider? time = null, Action<StompQueueOptions>? configure = null)
    {
        var options = new StompQueueOptions();
        configure?.Invoke(options);
        var instance = $"t{Interlocked.Increment(ref _ids)}";
        return new QueueBroker(store, sink, Options.Create(options), time ?? TimeProvider.System, new FixedIds(instance), NullLogger<QueueBroker>.Instance);
    }

    protected static string NewQueue() => $"/queue/contract-{Guid.NewGuid():N}";

    protected static string NewConnection() => $"conn-{Guid.NewGuid():N}";

    protected static QueueConsumer Consumer(string queue, string connection, StompAckMode mode, int prefetch = 0, string subscription = "sub-0") =>
        new(queue, connection, subscription, mode, prefetch, []);

    protected static Task<string> SendAsync(QueueBroker broker, string queue, string text, params KeyValuePair<string, string>[] headers) =>
        broker.SendAsync(queue, [new("content-type", "text/plain"), .. headers], Encoding.UTF8.GetBytes(text), null, Ct).AsTask();

    protected static string TextOf(QueueDelivery delivery) => Encoding.UTF8.GetString(delivery.Message.Body.Span);

    protected static Task<bool> AckAsync(QueueBroker broker, QueueDelivery delivery) =>
        broker.AckAsync(delivery.Queue, delivery.Consumer.ConnectionId, delivery.Consumer.SubscriptionId, delivery.Message.Sequence, Ct).AsTask();

    protected static Task<bool> NackAsync(QueueBroker broker, QueueDelivery delivery) =>
        broker.NackAsync(delivery.Queue, delivery.Consumer.ConnectionId, delivery.Consumer.SubscriptionId, delivery.Message.Sequence, Ct).AsTask();

    /// <summary>Whether the queue has no rows left at all (what "an idle queue costs nothing" needs).</summary>
    protected static async Task<bool> IsGoneAsync(IQueueStore store, string queue)
    {
        string? token = null;
        for (var page = 0; page < 1000; page++)
        {
            var listed = await store.ListQueuesAsync(token, 1000, Ct);
            if (listed.Destinations.Contains(queue))
            {
                return false;
            }

            token = listed.ContinuationToken;
            if (token is null)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class FixedIds(string id) : IStompIdGenerator
    {
        public string NewId() => id;
    }
}
