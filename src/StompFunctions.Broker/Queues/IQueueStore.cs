using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Queues;

/// <summary>
/// Shared state of the broker's queues (<c>/queue/…</c>), separate from <see cref="IStompStateStore"/>.
/// Shaped for Azure Table Storage: everything about one queue (its consumers and its messages) lives in one
/// partition keyed by the queue, so a queue operation is one partition query and one entity-group
/// transaction, and two function instances never deliver one message at once because every claim is
/// conditional on the ETags read. The semantics (who gets what, prefetch, ACKs, redelivery, dead letters)
/// live once in <see cref="QueueBroker"/>; a store only reads and commits.
/// An idle queue costs nothing: nothing reads a queue unless a frame or the collector touches it, and a queue
/// with no consumers, no messages and no marks of live publishers has no rows (sent records of gone consumers are
/// deleted by the next commit on the queue).
/// Every method throws <see cref="StompStoreUnavailableException"/> when the store cannot answer.
/// </summary>
public interface IQueueStore
{
    /// <summary>
    /// One partition query: every consumer of the queue (with its ETag) and, in sequence order, at most
    /// <paramref name="maxReady"/> messages that are ready at <paramref name="nowMilliseconds"/> (no owner, or
    /// a lease that ended before then), each with its ETag; every <see cref="QueueSentBatch"/> with its ETag; and the
    /// <see cref="QueueEventMark"/> of <paramref name="markOf"/> when that connection has one here.
    /// </summary>
    ValueTask<QueueSnapshot> ReadAsync(string queue, long nowMilliseconds, int maxReady, string? markOf, CancellationToken cancellationToken);

    /// <summary>Every connection's mark in the queue, each with its ETag (for the collector; one partition query).</summary>
    ValueTask<IReadOnlyList<QueueEventMark>> ReadMarksAsync(string queue, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the writes atomically (all or none; at most <see cref="QueueWrite.MaxPerCommit"/>) and returns the
    /// new ETag of each written row (null for deletes), in the order of the writes. Returns
    /// <see cref="StoreOutcome.Conflict"/> when a conditional write met another ETag or an added row already
    /// existed, and <see cref="StoreOutcome.NotFound"/> when a targeted row is gone; nothing is applied then.
    /// </summary>
    ValueTask<QueueCommitResult> CommitAsync(string queue, IReadOnlyList<QueueWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// Lists queues that have rows (consumers or messages), a page at a time (for the collector). Pass the
    /// previous page's token to continue; null starts over.
    /// </summary>
    ValueTask<DestinationPage> ListQueuesAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken);
}
