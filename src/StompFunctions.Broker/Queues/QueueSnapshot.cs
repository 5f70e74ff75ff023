namespace StompFunctions.Broker.Queues;

/// <summary>What one partition query returns about a queue.</summary>
/// <param name="Consumers">Every consumer, each with the ETag it had when read.</param>
/// <param name="Ready">The oldest ready messages in sequence order, each with its ETag.</param>
/// <param name="MoreReady">Whether more ready messages exist beyond <paramref name="Ready"/>.</param>
/// <param name="Sent">Every <see cref="QueueSentBatch"/> of the queue, each with its ETag.</param>
/// <param name="Mark">The mark of the connection the read asked for, with its ETag; null when it has none or none was asked for.</param>
public sealed record QueueSnapshot(
    IReadOnlyList<QueueConsumer> Consumers, IReadOnlyList<QueuedMessage> Ready, bool MoreReady, QueueEventMark? Mark = null, IReadOnlyList<QueueSentBatch>? Sent = null)
{
    /// <summary>The sent records read (none when the store returned none).</summary>
    public IReadOnlyList<QueueSentBatch> SentBatches => Sent ?? [];

    /// <summary>A queue with no rows.</summary>
    public static QueueSnapshot Empty { get; } = new([], [], false);
}
