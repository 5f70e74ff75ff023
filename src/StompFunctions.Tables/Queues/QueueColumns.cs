namespace StompFunctions.Tables.Queues;

/// <summary>Property names of the queue rows (docs/table-design.md); short, since every message row carries them.</summary>
internal static class QueueColumns
{
    public const string ConnectionId = "ConnectionId";
    public const string SubscriptionId = "SubscriptionId";
    public const string AckMode = "AckMode";
    public const string Prefetch = "Prefetch";

    /// <summary>A consumer's unsettled sequences in delivery order, separated by spaces.</summary>
    public const string InFlight = "InFlight";

    /// <summary>A <c>client</c>-mode consumer's claim batch of each in-flight sequence, same order, separated by spaces.</summary>
    public const string Batches = "Batches";

    /// <summary>A sent record's batch tag.</summary>
    public const string Batch = "Batch";

    /// <summary>A sent record's sequences sent, in send order, separated by spaces.</summary>
    public const string Sent = "Sent";

    /// <summary>A message's user headers (<see cref="HeaderListCodec"/>).</summary>
    public const string Headers = "Headers";

    public const string Deliveries = "Deliveries";

    /// <summary>The consumer holding a message (connection, line feed, subscription); empty when ready.</summary>
    public const string Owner = "Owner";

    /// <summary>Unix milliseconds until which the owner holds a message: 0 ready, Int64.MaxValue until settled.</summary>
    public const string LeaseUntil = "LeaseUntil";

    /// <summary>Unix milliseconds after which an undelivered message is dropped; absent when it never expires.</summary>
    public const string ExpiresAt = "ExpiresAt";

    /// <summary>A mark's event: its connection's last queue sequence before the event (empty before the first).</summary>
    public const string Event = "Event";

    /// <summary>A mark's place of the enqueue in its event.</summary>
    public const string Index = "Index";

    /// <summary>The sequence the marked enqueue's message got.</summary>
    public const string Sequence = "Sequence";

    /// <summary>The full queue name, stored only on rows whose partition key is hashed.</summary>
    public const string Destination = "Destination";
}
