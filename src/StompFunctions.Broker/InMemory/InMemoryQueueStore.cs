using System.Globalization;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.InMemory;

/// <summary>
/// The embedded queue store: the local stack's default and the tests' double. It keeps the Table semantics the
/// broker relies on (one partition per queue, a new ETag on every write, all-or-nothing conditional commits), so
/// the shared contract suite passes against both. One lock serves every queue: each call is a few dictionary
/// operations. A queue left with no rows is dropped, so idle queues take no memory and are not listed.
/// </summary>
public sealed class InMemoryQueueStore : IQueueStore
{
    private readonly Dictionary<string, QueuePartition> _queues = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _etagCounter;

    /// <inheritdoc />
    public ValueTask<QueueSnapshot> ReadAsync(string queue, long nowMilliseconds, int maxReady, string? markOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return new ValueTask<QueueSnapshot>(_queues.TryGetValue(queue, out var partition) ? partition.Read(nowMilliseconds, maxReady, markOf) : QueueSnapshot.Empty);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<QueueEventMark>> ReadMarksAsync(string queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return new ValueTask<IReadOnlyList<QueueEventMark>>(_queues.TryGetValue(queue, out var partition) ? partition.Marks : []);
        }
    }

    /// <inheritdoc />
    public ValueTask<QueueCommitResult> CommitAsync(string queue, IReadOnlyList<QueueWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count > QueueWrite.MaxPerCommit)
        {
            throw new ArgumentException($"A queue commit holds at most {QueueWrite.MaxPerCommit} writes.", nameof(writes));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_queues.TryGetValue(queue, out var partition))
            {
                partition = new QueuePartition();
            }

            if (partition.Check(writes) is { } failure)
            {
                return new ValueTask<QueueCommitResult>(QueueCommitResult.Failed(failure));
            }

            var etags = partition.Apply(writes, NextETag);
            if (partition.IsEmpty)
            {
                _queues.Remove(queue);
            }
            else
            {
                _queues[queue] = partition;
            }

            return new ValueTask<QueueCommitResult>(new QueueCommitResult(StoreOutcome.Ok, etags));
        }
    }

    /// <inheritdoc />
    public ValueTask<DestinationPage> ListQueuesAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var page = KeyPages.Next(_queues.Keys, continuationToken, pageSizeHint, out var next);
            return new ValueTask<DestinationPage>(new DestinationPage(page, next));
        }
    }

    private string NextETag() => string.Create(CultureInfo.InvariantCulture, $"W/\"q{++_etagCounter}\"");
}
