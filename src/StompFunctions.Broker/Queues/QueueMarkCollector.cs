using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Queues;

/// <summary>
/// Deletes the <see cref="QueueEventMark"/>s of connections that are gone: a mark only stops a retry of its
/// connection's event, and a gone connection's events are not retried. One read, then one commit per full page of
/// deletes; a mark rewritten meanwhile (its connection was not gone after all) fails its condition and stays.
/// </summary>
internal static class QueueMarkCollector
{
    public static async ValueTask CollectAsync(IQueueStore store, string queue, Func<string, CancellationToken, ValueTask<bool>> connectionExists, CancellationToken cancellationToken)
    {
        var gone = new List<QueueWrite>();
        foreach (var mark in await store.ReadMarksAsync(queue, cancellationToken).ConfigureAwait(false))
        {
            if (!await connectionExists(mark.ConnectionId, cancellationToken).ConfigureAwait(false))
            {
                gone.Add(QueueWrite.Delete(mark));
            }
        }

        foreach (var page in gone.Chunk(QueueWrite.MaxPerCommit))
        {
            if ((await store.CommitAsync(queue, page, cancellationToken).ConfigureAwait(false)).Outcome == StoreOutcome.Ok)
            {
                continue;
            }

            // One of them changed: each alone, so the others still go.
            foreach (var write in page)
            {
                await store.CommitAsync(queue, [write], cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
