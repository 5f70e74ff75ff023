using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StompFunctions.Broker.Queues;

/// <summary>
/// Queue semantics over an <see cref="IQueueStore"/>, the same for every store: point to point with a backlog,
/// round robin among consumers with room, prefetch, <c>client</c>/<c>client-individual</c> settlement, NACK and
/// consumer loss returning messages (marked redelivered), dead letters and per-message TTL. Each operation is a
/// <see cref="QueuePlan"/> run by the <see cref="QueueOperationLoop"/>: one read of the queue's partition and one
/// commit, conditional on the ETags read. Where a duplicate can happen is listed in docs/queues.md.
/// </summary>
public sealed partial class QueueBroker
{
    private readonly IQueueStore _store;
    private readonly StompQueueOptions _options;
    private readonly Lazy<QueueSequence> _sequence;
    private readonly QueueOperationLoop _operations;

    public QueueBroker(IQueueStore store, IQueueDeliverySink sink, IOptions<StompQueueOptions> options, TimeProvider time, IStompIdGenerator ids, ILogger<QueueBroker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options.Value;

        // Drawn on first use, so an engine whose clients never use a queue hands out exactly the ids it did before.
        _sequence = new Lazy<QueueSequence>(() => new QueueSequence(time, ids.NewId()));
        _operations = new QueueOperationLoop(store, sink, _options, time, logger);
    }

    /// <summary>The store the queues live in (the collector lists them through it).</summary>
    public IQueueStore Store => _store;

    /// <summary>The queue settings in use.</summary>
    public StompQueueOptions Options => _options;

    /// <summary>Whether a destination is a queue.</summary>
    public bool IsQueue(string destination) => destination.StartsWith(_options.QueuePrefix, StringComparison.Ordinal);

    /// <summary>The dead-letter queue of a queue.</summary>
    public string DeadLetterQueueOf(string queue) => _operations.DeadLetterQueueOf(queue);

    /// <summary>
    /// Stores a message and hands it to a consumer with room, unless older ones wait. Returns its sequence: a
    /// publisher passes it as <paramref name="after"/> with its next SEND so its messages keep their order.
    /// An <c>expiration</c> header (milliseconds) drops the message if it is not delivered in time.
    /// </summary>
    public ValueTask<string> SendAsync(string queue, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, string? after, CancellationToken cancellationToken) =>
        SendAsync(queue, headers, body, after, null, cancellationToken);

    /// <summary>
    /// As above, once per <paramref name="key"/>: the message and its connection's <see cref="QueueEventMark"/> are
    /// committed together, and an enqueue the mark shows done (a retried event's) stores nothing and returns the
    /// sequence the mark recorded, so the publisher's order resumes from where the first attempt left it.
    /// </summary>
    public async ValueTask<string> SendAsync(
        string queue, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, string? after, QueueEventKey? key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(headers);
        var fresh = QueueMessages.Fresh(_sequence.Value.Next(after), headers, body, _operations.Now());
        var taken = fresh.Sequence;
        await _operations.RunAsync(queue, key?.ConnectionId, plan =>
        {
            if (key is { } once && !plan.TryMark(once, fresh.Sequence, out taken))
            {
                return false;
            }

            plan.Dispatch(fresh);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return taken;
    }

    /// <summary>Adds a consumer (SUBSCRIBE) and hands it waiting messages, oldest first.</summary>
    public async ValueTask SubscribeAsync(QueueConsumer consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var prefetch = consumer.Prefetch <= 0 ? _options.DefaultPrefetch : Math.Min(consumer.Prefetch, _options.MaxPrefetch);
        var added = consumer with { Prefetch = prefetch, InFlight = [], ETag = null };
        await _operations.RunAsync(consumer.Queue, null, plan =>
        {
            plan.AddConsumer(added);
            plan.Dispatch(null);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>ACK: settles the delivery (and, in <c>client</c> mode, every earlier one) and hands the consumer more. False when it holds no such delivery.</summary>
    public ValueTask<bool> AckAsync(string queue, string connectionId, string subscriptionId, string sequence, CancellationToken cancellationToken) =>
        SettleAsync(queue, connectionId, subscriptionId, sequence, requeue: false, cancellationToken);

    /// <summary>NACK: puts the delivery (in <c>client</c> mode, every earlier one too) back in the queue; its next delivery is marked redelivered.</summary>
    public ValueTask<bool> NackAsync(string queue, string connectionId, string subscriptionId, string sequence, CancellationToken cancellationToken) =>
        SettleAsync(queue, connectionId, subscriptionId, sequence, requeue: true, cancellationToken);

    /// <summary>UNSUBSCRIBE, DISCONNECT, a lost connection: removes the consumer; its unsettled messages go to others. False when it was not there.</summary>
    public ValueTask<bool> RemoveConsumerAsync(string queue, string connectionId, string subscriptionId, CancellationToken cancellationToken) =>
        _operations.RunAsync(queue, null, plan =>
        {
            var consumer = plan.Find(connectionId, subscriptionId);
            if (consumer is not null)
            {
                plan.Remove(consumer);
            }

            plan.Dispatch(null);
            return consumer is not null;
        }, cancellationToken);

    /// <summary>
    /// The collector's pass over one queue: removes consumers whose connection is gone (their messages return) and the
    /// marks of gone publishers, and hands out messages that wait although a consumer has room. Returns the number of
    /// consumers removed.
    /// </summary>
    public async ValueTask<int> CollectAsync(string queue, Func<string, CancellationToken, ValueTask<bool>> connectionExists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionExists);
        var snapshot = await _store.ReadAsync(queue, _operations.Now(), 1, null, cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var connection in snapshot.Consumers.Select(static c => c.ConnectionId).Distinct(StringComparer.Ordinal))
        {
            if (await connectionExists(connection, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            foreach (var consumer in snapshot.Consumers.Where(c => c.ConnectionId == connection))
            {
                removed += await RemoveConsumerAsync(queue, consumer.ConnectionId, consumer.SubscriptionId, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        await QueueMarkCollector.CollectAsync(_store, queue, connectionExists, cancellationToken).ConfigureAwait(false);
        await DispatchAsync(queue, cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>Hands waiting messages to consumers with room (after dead-lettering, and by the collector).</summary>
    public ValueTask DispatchAsync(string queue, CancellationToken cancellationToken) => _operations.DispatchAsync(queue, cancellationToken);

    private ValueTask<bool> SettleAsync(string queue, string connectionId, string subscriptionId, string sequence, bool requeue, CancellationToken cancellationToken) =>
        _operations.RunAsync(queue, null, plan =>
        {
            var consumer = plan.Find(connectionId, subscriptionId);
            var settled = consumer is not null && plan.Settle(consumer, sequence, requeue);
            plan.Dispatch(null);
            return settled;
        }, cancellationToken);
}
