namespace StompFunctions.Broker.Queues;

/// <summary>Settings of the broker's queues (<c>/queue/…</c>); docs/queues.md explains each choice.</summary>
public sealed class StompQueueOptions
{
    /// <summary>Destinations with this prefix are queues: point to point, with a backlog and acknowledgements.</summary>
    public string QueuePrefix { get; set; } = "/queue/";

    /// <summary>
    /// Unsettled messages per client-mode subscription when SUBSCRIBE has no <c>prefetch-count</c>. RabbitMQ
    /// has no limit; a bounded default keeps a consumer's in-flight list in one row and spreads a backlog
    /// among competing consumers instead of handing it all to the first.
    /// </summary>
    public int DefaultPrefetch { get; set; } = 20;

    /// <summary>The largest <c>prefetch-count</c> accepted (a consumer's in-flight list and its return on disconnect fit one transaction).</summary>
    public int MaxPrefetch { get; set; } = 64;

    /// <summary>A message handed to consumers this many times without an ACK moves to <c>NAME.dlq</c>.</summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>The suffix of a queue's dead-letter queue.</summary>
    public string DeadLetterSuffix { get; set; } = ".dlq";

    /// <summary>
    /// How long an auto-mode delivery holds its message between the claim and its deletion after the REST send.
    /// If the instance dies in between, the message is ready again after this and is redelivered.
    /// </summary>
    public TimeSpan AutoAckLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a <c>client</c>/<c>client-individual</c> claim may stay in flight without a sent record listing it. After
    /// that, the next operation on the queue takes it back (its instance died between the claim and the send) and it is
    /// delivered again, marked redelivered. Well above the time a claim's sends and record take.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Ready messages one read brings back; more are read in further rounds.</summary>
    public int ReadBatch { get; set; } = 32;

    /// <summary>Attempts of one operation when other instances keep changing the queue under it (ETag conflicts).</summary>
    public int MaxConflictRetries { get; set; } = 24;
}
