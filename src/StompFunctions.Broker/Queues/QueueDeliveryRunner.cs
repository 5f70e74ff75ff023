using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Queues;

/// <summary>
/// Sends the deliveries a commit claimed (each consumer's in queue order, stopping at its first failure; consumers at once),
/// then settles what the sends decided: an auto-mode message that was sent is deleted (conditional on the claim's ETag, so a
/// message that came back after its lease and was claimed again is left to its new owner); one that was not sent goes back
/// uncounted. Client-mode claims stay until ACKed, except unsent ones, which the broker puts back; what was sent of a
/// client-mode batch is recorded (<see cref="QueueSentBatch"/>) in the same commit as the auto-mode deletes.
/// </summary>
internal sealed class QueueDeliveryRunner(IQueueStore store, IQueueDeliverySink sink, QueueOperationLoop operations, ILogger logger)
{
    public async ValueTask DeliverAsync(string queue, QueuePlan plan, IReadOnlyList<string?> etags, CancellationToken cancellationToken)
    {
        var deliveries = plan.Deliveries;
        if (deliveries.Count == 0)
        {
            return;
        }

        var sent = new bool[deliveries.Count];
        if (deliveries.Count == 1)
        {
            sent[0] = await TrySendAsync(deliveries[0], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // One consumer's messages go one after another, in queue order (REST sends to one connection in flight
            // together may arrive in any order); different consumers' go at the same time.
            var sends = new List<Task>();
            foreach (var consumer in Enumerable.Range(0, deliveries.Count).GroupBy(i => deliveries[i].Consumer.Owner, StringComparer.Ordinal))
            {
                sends.Add(SendInOrderAsync(deliveries, [.. consumer], sent, cancellationToken));
            }

            await Task.WhenAll(sends).ConfigureAwait(false);
        }

        var settlements = SentRecords(deliveries, sent);
        List<QueueDelivery>? unsent = null;
        for (var i = 0; i < deliveries.Count; i++)
        {
            var delivery = deliveries[i];
            var claimIndex = plan.ClaimWrites[i];
            var etag = (claimIndex < etags.Count ? etags[claimIndex] : null) ?? QueueWrite.AnyETag;
            if (delivery.Consumer.AckMode == StompAckMode.Auto)
            {
                settlements.Add(sent[i]
                    ? QueueWrite.Delete(delivery.Message.Sequence, etag)
                    : QueueWrite.Release(delivery.Message.Sequence, delivery.Message.Deliveries - 1, etag));
            }
            else if (!sent[i])
            {
                (unsent ??= []).Add(delivery);
            }
        }

        if (settlements.Count > 0)
        {
            await SettleSentAsync(queue, settlements, cancellationToken).ConfigureAwait(false);
        }

        if (unsent is not null)
        {
            await operations.ReturnUnsentAsync(queue, unsent, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendInOrderAsync(List<QueueDelivery> deliveries, int[] indexes, bool[] sent, CancellationToken cancellationToken)
    {
        // Stops at the first failure: a later delivery of the batch reaching the client then shows the earlier ones were sent
        // (a cumulative ACK relies on it), and the rest go back with the failed one, in order.
        foreach (var i in indexes)
        {
            if (!(sent[i] = await TrySendAsync(deliveries[i], cancellationToken).ConfigureAwait(false)))
            {
                return;
            }
        }
    }

    // One record per client-mode (client or client-individual) batch with at least one delivery sent: its sequences sent, in order.
    private static List<QueueWrite> SentRecords(List<QueueDelivery> deliveries, bool[] sent)
    {
        var writes = new List<QueueWrite>();
        foreach (var batch in Enumerable.Range(0, deliveries.Count).Where(i => sent[i] && deliveries[i].Batch is not null).GroupBy(i => deliveries[i].Batch!, StringComparer.Ordinal))
        {
            var consumer = deliveries[batch.First()].Consumer;
            writes.Add(QueueWrite.Put(new QueueSentBatch(batch.Key, consumer.ConnectionId, consumer.SubscriptionId, [.. batch.Select(i => deliveries[i].Message.Sequence)])));
        }

        return writes;
    }

    private async ValueTask<bool> TrySendAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await sink.DeliverAsync(delivery, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            QueueBroker.Log.DeliveryFailed(logger, delivery.Consumer.ConnectionId, e.GetType().Name);
            return false;
        }
    }

    // One commit for all (the usual single delete or sent record); when one of them lost to another instance, each alone, so the rest still apply.
    private async ValueTask SettleSentAsync(string queue, List<QueueWrite> settlements, CancellationToken cancellationToken)
    {
        try
        {
            if (settlements.Count <= QueueWrite.MaxPerCommit
                && (await store.CommitAsync(queue, settlements, cancellationToken).ConfigureAwait(false)).Outcome == StoreOutcome.Ok)
            {
                return;
            }

            if (settlements.Count == 1)
            {
                return;
            }

            foreach (var settlement in settlements)
            {
                await store.CommitAsync(queue, [settlement], cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StompStoreUnavailableException e)
        {
            QueueBroker.Log.AutoDeleteFailed(logger, e.GetType().Name);
        }
    }
}
