namespace StompFunctions.Broker.Queues;

/// <summary>
/// What one runner sent of one <c>client</c>-mode consumer's claim batch (the messages one commit claimed for it), written
/// after the REST sends succeeded, in a row of its own (never the consumer's, so it conflicts with no claim). A cumulative
/// ACK settles an earlier delivery of another batch only when such a record shows it sent; docs/queues.md explains why.
/// </summary>
/// <param name="Batch">
/// The batch's tag: its first message's sequence and that message's delivery count after the claim. Never used twice:
/// a message's count only goes back down when its send failed, and then nothing of its batch was sent or recorded.
/// </param>
/// <param name="ConnectionId">The consumer's connection.</param>
/// <param name="SubscriptionId">The consumer's subscription.</param>
/// <param name="Sent">The sequences of the batch whose sends succeeded, in send order.</param>
/// <param name="ETag">The store's version when read; null on records built for writing.</param>
public sealed record QueueSentBatch(string Batch, string ConnectionId, string SubscriptionId, IReadOnlyList<string> Sent, string? ETag = null)
{
    /// <summary>The tag of a batch whose first message is <paramref name="message"/>, as claimed.</summary>
    public static string TagOf(QueuedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.Concat(message.Sequence, ".", message.Deliveries.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Whether this record belongs to the consumer <paramref name="connectionId"/>/<paramref name="subscriptionId"/>.</summary>
    public bool Of(string connectionId, string subscriptionId) =>
        string.Equals(ConnectionId, connectionId, StringComparison.Ordinal) && string.Equals(SubscriptionId, subscriptionId, StringComparison.Ordinal);
}
