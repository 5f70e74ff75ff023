namespace StompFunctions.Broker.Queues;

/// <summary>
/// What one runner sent of one <c>client</c>/<c>client-individual</c> consumer's claim batch (the messages one commit claimed for it), written
/// after the REST sends succeeded, in a row of its own (never the consumer's, so it conflicts with no claim). A cumulative
/// ACK settles an earlier delivery of another batch only when such a record shows it sent, and the send lease
/// (<see cref="StompQueueOptions.SendLease"/>) takes back an old claim no record lists; docs/queues.md explains why.
/// </summary>
/// <param name="Batch">
/// The batch's tag: its first message's sequence, that message's delivery count after the claim and the claim's time
/// (Unix milliseconds, <see cref="ClaimedAt"/>). Never used twice:
/// a message's count only goes back down when its send failed, and then nothing of its batch was sent or recorded.
/// </param>
/// <param name="ConnectionId">The consumer's connection.</param>
/// <param name="SubscriptionId">The consumer's subscription.</param>
/// <param name="Sent">The sequences of the batch whose sends succeeded, in send order.</param>
/// <param name="ETag">The store's version when read; null on records built for writing.</param>
public sealed record QueueSentBatch(string Batch, string ConnectionId, string SubscriptionId, IReadOnlyList<string> Sent, string? ETag = null)
{
    /// <summary>The tag of a batch whose first message is <paramref name="message"/>, as claimed at <paramref name="claimedAt"/> (Unix milliseconds).</summary>
    public static string TagOf(QueuedMessage message, long claimedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return string.Concat(message.Sequence, ".", message.Deliveries.ToString(invariant), ".", claimedAt.ToString(invariant));
    }

    /// <summary>
    /// When the batch <paramref name="tag"/> names was claimed (Unix milliseconds); null for an empty tag or one written before
    /// tags carried the time (<c>sequence.count</c>), which no lease takes back.
    /// </summary>
    public static long? ClaimedAt(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var parts = tag.Split('.');
        return parts.Length == 3 && long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : null;
    }

    /// <summary>Whether this record belongs to the consumer <paramref name="connectionId"/>/<paramref name="subscriptionId"/>.</summary>
    public bool Of(string connectionId, string subscriptionId) =>
        string.Equals(ConnectionId, connectionId, StringComparison.Ordinal) && string.Equals(SubscriptionId, subscriptionId, StringComparison.Ordinal);
}
