namespace StompFunctions.Broker.Queues;

/// <summary>
/// One subscription to a queue. In the client modes <see cref="InFlight"/> lists the sequences delivered
/// to it and not yet settled, in delivery order (at most <see cref="Prefetch"/>); in auto mode it stays
/// empty, since a delivered message is gone.
/// </summary>
/// <param name="Queue">The queue's destination.</param>
/// <param name="ConnectionId">The consumer's connection.</param>
/// <param name="SubscriptionId">The SUBSCRIBE's id on that connection.</param>
/// <param name="AckMode">The subscription's ack mode.</param>
/// <param name="Prefetch">The most unsettled messages it may hold (client modes).</param>
/// <param name="InFlight">Sequences delivered and not yet settled, oldest delivery first.</param>
/// <param name="ETag">The store's version when read; null on consumers built for writing.</param>
/// <param name="Batches">
/// In the client modes, the claim batch (<see cref="QueueSentBatch.Batch"/>) of each <see cref="InFlight"/> entry, same
/// order; null or empty otherwise (an entry without a batch counts as sent, as rows written before batches existed).
/// </param>
public sealed record QueueConsumer(
    string Queue,
    string ConnectionId,
    string SubscriptionId,
    StompAckMode AckMode,
    int Prefetch,
    IReadOnlyList<string> InFlight,
    string? ETag = null,
    IReadOnlyList<string>? Batches = null)
{
    /// <summary>The claim batch of the in-flight entry at <paramref name="index"/>; empty when none was recorded.</summary>
    public string BatchAt(int index) => Batches is { } batches && index < batches.Count ? batches[index] : "";

    /// <summary>The owner value of messages delivered to this consumer.</summary>
    public string Owner => QueueOwners.Format(ConnectionId, SubscriptionId);

    /// <summary>How many more messages it may take now; auto-mode consumers always have room.</summary>
    public int Room => AckMode == StompAckMode.Auto ? int.MaxValue : Math.Max(0, Prefetch - InFlight.Count);
}
