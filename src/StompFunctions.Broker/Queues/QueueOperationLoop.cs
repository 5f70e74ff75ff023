using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Queues;

/// <summary>
/// How every queue operation runs, whatever it changes: read the partition, plan, commit conditional on the ETags read
/// (again on a fresh read after a conflict: another instance changed the queue), send what the commit claimed, copy
/// dead letters, and read again while the plan says a concurrent operation may have missed it
/// (<see cref="QueuePlan.NeedsRecheck"/>). Deliveries are sent only after the commit that claimed them, so a message
/// is never lost between steps.
/// </summary>
internal sealed class QueueOperationLoop
{
    private const int MaxRounds = 8;
    private const string BusyMessage = "The queue stayed busy: other instances kept changing it; try again.";

    private readonly IQueueStore _store;
    private readonly StompQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly QueueDeliveryRunner _deliveries;
    private readonly ILogger _logger;
    private int _rotation;

    public QueueOperationLoop(IQueueStore store, IQueueDeliverySink sink, StompQueueOptions options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _deliveries = new QueueDeliveryRunner(store, sink, this, logger);
    }

    public string DeadLetterQueueOf(string queue) => queue + _options.DeadLetterSuffix;

    public long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Runs <paramref name="operation"/> on fresh reads until one commit applies; returns what its applied attempt
    /// returned. <paramref name="markOf"/> names the connection whose <see cref="QueueEventMark"/> the reads include.
    /// </summary>
    public async ValueTask<bool> RunAsync(string queue, string? markOf, Func<QueuePlan, bool> operation, CancellationToken cancellationToken)
    {
        var result = false;
        for (var round = 0; round < MaxRounds; round++)
        {
            var (plan, etags, applied) = await CommitOnceAsync(queue, round == 0 ? markOf : null, operation, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Hands waiting messages to consumers with room.</summary>
    public async ValueTask DispatchAsync(string queue, CancellationToken cancellationToken) =>
        await RunAsync(queue, null, static plan =>
        {
            plan.Dispatch(null);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Puts back client-mode claims whose send failed, uncounted; they wait for the next event (no immediate retry to the same consumer).</summary>
    public async ValueTask ReturnUnsentAsync(string queue, IReadOnlyList<QueueDelivery> unsent, CancellationToken cancellationToken) =>
        await RunAsync(queue, null, plan =>
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
        }, cancellationToken).ConfigureAwait(false);

    private async ValueTask<(QueuePlan? Plan, IReadOnlyList<string?> ETags, bool Applied)> CommitOnceAsync(
        string queue, string? markOf, Func<QueuePlan, bool> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < _options.MaxConflictRetries; attempt++)
        {
            var now = Now();
            var snapshot = await _store.ReadAsync(queue, now, _options.ReadBatch, markOf, cancellationToken).ConfigureAwait(false);
            var plan = new QueuePlan(queue, snapshot, now, _options, Interlocked.Increment(ref _rotation));
            var applied = operation(plan);
            var writes = plan.Finish();
            if (writes.Count == 0)
            {
                return (null, [], applied);
            }

            foreach (var dead in plan.DeadLetters)
            {
                await _store.CommitAsync(DeadLetterQueueOf(queue), [QueueWrite.Upsert(QueueMessages.DeadLetter(queue, dead))], cancellationToken).ConfigureAwait(false);
            }

            var commit = await _store.CommitAsync(queue, writes, cancellationToken).ConfigureAwait(false);
            if (commit.Outcome == StoreOutcome.Ok)
            {
                return (plan, commit.ETags, applied);
            }

            QueueBroker.Log.Conflict(_logger, attempt + 1, commit.Outcome);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 2 << Math.Min(attempt, 5))), _time, cancellationToken).ConfigureAwait(false);
        }

        throw new StompStoreUnavailableException(BusyMessage);
    }
}
