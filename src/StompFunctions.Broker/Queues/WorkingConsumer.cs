namespace StompFunctions.Broker.Queues;

/// <summary>A consumer as a plan changes it: its in-flight list, whether it must be written, and how.</summary>
internal sealed class WorkingConsumer(QueueConsumer read, bool isNew)
{
    public QueueConsumer Read { get; } = read;

    public List<string> InFlight { get; } = [.. read.InFlight];

    /// <summary>Not in the store yet (SUBSCRIBE): written with an upsert rather than an ETag-guarded replace.</summary>
    public bool IsNew { get; } = isNew;

    public bool Changed { get; set; } = isNew;

    public bool Removed { get; set; }

    /// <summary>Messages claimed for it by this plan (auto mode spreads by it).</summary>
    public int ClaimedNow { get; set; }

    public bool HasRoom => !Removed && (Read.AckMode == StompAckMode.Auto || InFlight.Count < Read.Prefetch);

    public QueueConsumer Result() => Read with { InFlight = [.. InFlight], ETag = null };
}
