using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Testing.Queues;

/// <summary>A queue store whose commits carrying a sent record fail as if the store were down: what was sent goes unrecorded.</summary>
public sealed class SentRecordsLostStore(IQueueStore inner) : IQueueStore
{
    public ValueTask<QueueSnapshot> ReadAsync(string queue, long nowMilliseconds, int maxReady, string? markOf, CancellationToken cancellationToken) =>
        inner.ReadAsync(queue, nowMilliseconds, maxReady, markOf, cancellationToken);

    public ValueTask<IReadOnlyList<QueueEventMark>> ReadMarksAsync(string queue, CancellationToken cancellationToken) => inner.ReadMarksAsync(queue, cancellationToken);

    public ValueTask<QueueCommitResult> CommitAsync(string queue, IReadOnlyList<QueueWrite> writes, CancellationToken cancellationToken) =>
        writes.Any(static w => w.Kind == QueueWriteKind.PutSent)
            ? throw new StompStoreUnavailableException("The test lost this sent record.")
            : inner.CommitAsync(queue, writes, cancellationToken);

    public ValueTask<DestinationPage> ListQueuesAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken) =>
        inner.ListQueuesAsync(continuationToken, pageSizeHint, cancellationToken);
}
