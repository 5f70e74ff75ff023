namespace StompFunctions.Broker.Queues;

/// <summary>A consumer as a plan changes it: its in-flight list (with each entry's claim batch), whether it must be written, and how.</summary>
internal sealed class WorkingConsumer(QueueConsumer read, bool isNew)
{
    public QueueConsumer Read { get; } = read;

    public List<string> InFlight { get; } = [.. read.InFlight];

    /// <summary>The claim batch of each <see cref="InFlight"/> entry (empty strings in auto mode and for entries written before batches existed).</summary>
    public List<string> Batches { get; } = [.. read.InFlight.Select((_, i) => read.BatchAt(i))];

    /// <summary>Not in the store yet (SUBSCRIBE): written with an upsert rather than an ETag-guarded replace.</summary>
    public bool IsNew { get; } = isNew;

    public bool Changed { get; set; } = isNew;

    public bool Removed { get; set; }

    /// <summary>Messages claimed for it by this plan (auto mode spreads by it).</summary>
    public int ClaimedNow { get; set; }

    /// <summary>The tag of the batch this plan claims for it, set by its first claim (client modes only).</summary>
    public string? Batch { get; set; }

    public bool HasRoom => !Removed && (Read.AckMode == StompAckMode.Auto || InFlight.Count < Read.Prefetch);

    /// <summary>Takes the in-flight entries from <paramref name="first"/> on, <paramref name="count"/> of them, out of both lists.</summary>
    public void RemoveRange(int first, int count)
    {
        InFlight.RemoveRange(first, count);
        Batches.RemoveRange(first, count);
    }

    /// <summary>Takes out the in-flight entries <paramref name="picks"/> chooses by index, at most <paramref name="max"/>; returns their sequences.</summary>
    public List<string> TakeOut(Func<int, bool> picks, int max)
    {
        var taken = new List<string>();
        for (var i = InFlight.Count - 1; i >= 0 && taken.Count < max; i--)
        {
            if (picks(i))
            {
                taken.Add(InFlight[i]);
                RemoveRange(i, 1);
                Changed = true;
            }
        }

        return taken;
    }

    public void Add(string sequence, string batch)
    {
        InFlight.Add(sequence);
        Batches.Add(batch);
    }

    public QueueConsumer Result() => Read with
    {
        InFlight = [.. InFlight],
        Batches = Read.AckMode == StompAckMode.Auto ? null : [.. Batches],
        ETag = null,
    };
}
