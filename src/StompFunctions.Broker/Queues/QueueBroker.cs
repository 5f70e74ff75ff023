using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Queues;

/// <summary>
/// Queue semantics over an <see cref="IQueueStore"/>, the same for every store: point to point with a backlog,
/// round robin among consumers with room, prefetch, <c>client</c>/<c>client-individual</c> settlement, NACK and
/// consumer loss returning messages (marked redelivered), dead letters and per-message TTL. Each operation reads
/// the queue's partition once and commits once, conditional on the ETags read; a conflict (another instance
/// changed the queue) repeats it on a fresh read. Deliveries are sent after the commit that claimed them, so a
/// message is never lost between steps; where a duplicate can happen is listed in docs/queues.md.
/// </summary>
public sealed partial class QueueBroker
{
    private const int MaxRounds = 8;
    private const string BusyMessage = "The queue stayed busy: other instances kept changing it; try again.";

    private readonly IQueueStore _store;
    private readonly StompQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly Lazy<QueueSequence> _sequence;
    private readonly QueueDeliveryRunner _deliveries;
    private readonly ILogger _logger;
    private int _rotation;

    public QueueBroker(IQueueStore store, IQueueDeliverySink sink, IOptions<StompQueueOptions> options, TimeProvider time, IStompIdGenerator ids, ILogger<QueueBroker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(sink);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        // Drawn on first use, so an engine whose clients never use a queue hands out exactly the ids it did before.
        _sequence = new Lazy<QueueSequence>(() => new QueueSequence(time, ids.NewId()));
        _deliveries = new QueueDeliveryRunner(store, sink, this, _logger);
    }

    /// <summary>The store the queues live in (the collector lists them through it).</summary>
    public IQueueStore Store => _store;

    /// <summary>The queue settings in use.</summary>
    public StompQueueOptions Options => _options;

    /// <summary>Whether a destination is a queue.</summary>
    public bool IsQueue(string destination) => destination.StartsWith(_options.QueuePrefix, StringComparison.Ordinal);

    /// <summary>The dead-letter queue of a queue.</summary>
    public string DeadLetterQueueOf(string queue) => queue + _options.DeadLetterSuffix;

    /// <summary>
    /// Stores a message and hands it to a consumer with room, unless older ones wait. Returns its sequence: a
    /// publisher passes it as <paramref name="after"/> with its next SEND so its messages keep their order.
    /// An <c>expiration</c> header (milliseconds) drops the message if it is not delivered in time.
    /// </summary>
    public async ValueTask<string> SendAsync(string queue, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, string? after, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(headers);
        var now = Now();
        var fresh = new QueuedMessage(_sequence.Value.Next(after), headers, body.ToArray(), 0, null, 0, ExpiryOf(headers, now));
        await RunAsync(queue, plan =>
        {
            plan.Dispatch(fresh);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return fresh.Sequence;
    }

    /// <summary>Adds a consumer (SUBSCRIBE) and hands it waiting messages, oldest first.</summary>
    public async ValueTask SubscribeAsync(QueueConsumer consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var prefetch = consumer.Prefetch <= 0 ? _options.DefaultPrefetch : Math.Min(consumer.Prefetch, _options.MaxPrefetch);
        var added = consumer with { Prefetch = prefetch, InFlight = [], ETag = null };
        await RunAsync(consumer.Queue, plan =>
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
        RunAsync(queue, plan =>
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
    /// The collector's pass over one queue: removes consumers whose connection is gone (their messages return) and
    /// hands out messages that wait although a consumer has room. Returns the number of consumers removed.
    /// </summary>
    public async ValueTask<int> CollectAsync(string queue, Func<string, CancellationToken, ValueTask<bool>> connectionExists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionExists);
        var snapshot = await _store.ReadAsync(queue, Now(), 1, cancellationToken).ConfigureAwait(false);
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

        await DispatchAsync(queue, cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>Hands waiting messages to consumers with room (after dead-lettering, and by the collector).</summary>
    public ValueTask DispatchAsync(string queue, CancellationToken cancellationToken) =>
        new(RunAsync(queue, static plan =>
        {
            plan.Dispatch(null);
            return true;
        }, cancellationToken).AsTask());

    /// <summary>Puts back client-mode claims whose send failed, uncounted; they wait for the next event (no immediate retry to the same consumer).</summary>
    internal ValueTask ReturnUnsentAsync(string queue, IReadOnlyList<QueueDelivery> unsent, CancellationToken cancellationToken) =>
        new(RunAsync(queue, plan =>
        {
            foreach (var delivery in unsent)
            {
                var consumer = plan.Find(delivery.Consumer.ConnectionId, delivery.Consumer.SubscriptionId);
                if (consumer is not null)
                {
                    plan.ReturnUnsent(consumer, delivery.Message);
                }
            }

            return true;
        }, cancellationToken).AsTask());

    private ValueTask<bool> SettleAsync(string queue, string connectionId, string subscriptionId, string sequence, bool requeue, CancellationToken cancellationToken) =>
        RunAsync(queue, plan =>
        {
            var consumer = plan.Find(connectionId, subscriptionId);
            var settled = consumer is not null && plan.Settle(consumer, sequence, requeue);
            plan.Dispatch(null);
            return settled;
        }, cancellationToken);

    /// <summary>
    /// Reads, plans, commits (again on a fresh read after a conflict), sends what was claimed, and reads again while
    /// the plan says a concurrent operation may have missed it (<see cref="QueuePlan.NeedsRecheck"/>).
    /// </summary>
    private async ValueTask<bool> RunAsync(string queue, Func<QueuePlan, bool> operation, CancellationToken cancellationToken)
    {
        var result = false;
        for (var round = 0; round < MaxRounds; round++)
        {
            var (plan, etags, applied) = await CommitOnceAsync(queue, operation, cancellationToken).ConfigureAwait(false);
            if (round == 0)
            {
                result = applied;
            }

            if (plan is null)
            {
                return result;
            }

            await _deliveries.DeliverAsync(queue, plan, etags, cancellationToken).ConfigureAwait(false);
            if (plan.DeadLetters.Count > 0)
            {
                await DispatchAsync(DeadLetterQueueOf(queue), cancellationToken).ConfigureAwait(false);
            }

            if (!plan.NeedsRecheck)
            {
                return result;
            }

            operation = static plan =>
            {
                plan.Dispatch(null);
                return true;
            };
        }

        return result;
    }

    private async ValueTask<(QueuePlan? Plan, IReadOnlyList<string?> ETags, bool Applied)> CommitOnceAsync(string queue, Func<QueuePlan, bool> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < _options.MaxConflictRetries; attempt++)
        {
            var now = Now();
            var snapshot = await _store.ReadAsync(queue, now, _options.ReadBatch, cancellationToken).ConfigureAwait(false);
            var plan = new QueuePlan(queue, snapshot, now, _options, Interlocked.Increment(ref _rotation));
            var applied = operation(plan);
            var writes = plan.Finish();
            if (writes.Count == 0)
            {
                return (null, [], applied);
            }

            foreach (var dead in plan.DeadLetters)
            {
                await _store.CommitAsync(DeadLetterQueueOf(queue), [QueueWrite.Upsert(DeadLetter(queue, dead))], cancellationToken).ConfigureAwait(false);
            }

            var commit = await _store.CommitAsync(queue, writes, cancellationToken).ConfigureAwait(false);
            if (commit.Outcome == StoreOutcome.Ok)
            {
                return (plan, commit.ETags, applied);
            }

            Log.Conflict(_logger, attempt + 1, commit.Outcome);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 2 << Math.Min(attempt, 5))), _time, cancellationToken).ConfigureAwait(false);
        }

        throw new StompStoreUnavailableException(BusyMessage);
    }

    // The dead letter keeps its sequence (an upsert: repeating it after a conflict adds no duplicate) and tells where it came from.
    private static QueuedMessage DeadLetter(string queue, QueuedMessage message) => new(
        message.Sequence,
        [
            .. message.Headers,
            new("original-destination", queue),
            new("delivery-count", message.Deliveries.ToString(CultureInfo.InvariantCulture)),
        ],
        message.Body,
        0,
        null,
        0,
        null);

    private long? ExpiryOf(IReadOnlyList<KeyValuePair<string, string>> headers, long now)
    {
        foreach (var (name, value) in headers)
        {
            if (name == "expiration" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl))
            {
                return ttl > long.MaxValue - now ? null : now + ttl;
            }
        }

        return null;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
