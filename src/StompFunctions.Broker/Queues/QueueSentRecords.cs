namespace StompFunctions.Broker.Queues;

/// <summary>
/// The <see cref="QueueSentBatch"/> records one plan read: which in-flight deliveries of a client-mode consumer are known to
/// have been sent, which ones their send lease gave up on, and which records no in-flight entry needs any more.
/// </summary>
internal sealed class QueueSentRecords(IReadOnlyList<QueueSentBatch> read)
{
    /// <summary>
    /// Whether a cumulative ACK of the entry at <paramref name="acked"/> may settle the earlier entry at <paramref name="index"/>:
    /// its own batch (a runner sends a batch in order and stops at its first failure, so a later delivery of the batch
    /// reached the client only after this one was sent), a record showing it sent, or an entry without a batch.
    /// </summary>
    public bool Sent(WorkingConsumer consumer, int index, int acked)
    {
        var batch = consumer.Batches[index];
        if (batch.Length == 0 || batch == consumer.Batches[acked])
        {
            return true;
        }

        return Lists(consumer, index);
    }

    /// <summary>
    /// Whether the entry at <paramref name="index"/> was claimed at or before <paramref name="leaseStart"/> (Unix milliseconds)
    /// and no record shows it sent: the instance that claimed it died before its send (or before the record's write).
    /// An entry whose batch carries no claim time is never taken back.
    /// </summary>
    public bool Unsent(WorkingConsumer consumer, int index, long leaseStart) =>
        QueueSentBatch.ClaimedAt(consumer.Batches[index]) <= leaseStart && !Lists(consumer, index);

    private bool Lists(WorkingConsumer consumer, int index)
    {
        var batch = consumer.Batches[index];
        var sequence = consumer.InFlight[index];
        foreach (var record in read)
        {
            if (record.Batch == batch && record.Of(consumer.Read.ConnectionId, consumer.Read.SubscriptionId) && record.Sent.Contains(sequence))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Records this commit may delete: those of consumers that are gone, and those of a consumer whose row the commit writes
    /// (so no other commit changes its entries meanwhile) when none of its entries is of that batch any more. A record its
    /// runner writes after that is left for a later commit; tags are never reused, so it vouches for nothing.
    /// </summary>
    public IEnumerable<QueueSentBatch> Unneeded(QueueConsumerRing consumers)
    {
        foreach (var record in read)
        {
            var owner = consumers.Find(record.ConnectionId, record.SubscriptionId);
            if (owner is null || (owner.Changed && !owner.Batches.Contains(record.Batch)))
            {
                yield return record;
            }
        }
    }
}
