namespace StompFunctions.Broker.Queues;

/// <summary>
/// A queue's consumers as one plan changes them: found by connection and subscription, replaced and removed, and taken
/// round robin among those with room, starting at a rotation that differs from plan to plan so concurrent instances
/// do not all start with the same consumer.
/// </summary>
internal sealed class QueueConsumerRing
{
    private readonly List<WorkingConsumer> _consumers;
    private int _cursor;

    public QueueConsumerRing(IReadOnlyList<QueueConsumer> read, int rotation)
    {
        _consumers = [.. read.Select(static c => new WorkingConsumer(c, isNew: false))];
        _cursor = _consumers.Count == 0 ? 0 : (int)((uint)rotation % (uint)_consumers.Count);
    }

    public bool HasRoom => _consumers.Exists(static c => c.HasRoom);

    /// <summary>The consumers whose row the commit writes: changed and still there.</summary>
    public IEnumerable<WorkingConsumer> ToWrite => _consumers.Where(static c => c.Changed && !c.Removed);

    /// <summary>The consumers still there.</summary>
    public IEnumerable<WorkingConsumer> Present => _consumers.Where(static c => !c.Removed);

    public WorkingConsumer? Find(string connectionId, string subscriptionId) =>
        _consumers.Find(c => !c.Removed && c.Read.ConnectionId == connectionId && c.Read.SubscriptionId == subscriptionId);

    /// <summary>Adds a consumer in place of <paramref name="stale"/> (same connection and id), if there was one.</summary>
    public void Replace(WorkingConsumer? stale, WorkingConsumer added)
    {
        if (stale is not null)
        {
            _consumers.Remove(stale);
        }

        _consumers.Add(added);
    }

    /// <summary>The next consumer with room after the last one taken, or null when none has room.</summary>
    public WorkingConsumer? NextWithRoom()
    {
        for (var i = 0; i < _consumers.Count; i++)
        {
            var candidate = _consumers[(_cursor + i) % _consumers.Count];
            if (candidate.HasRoom)
            {
                _cursor = (_cursor + i + 1) % _consumers.Count;
                return candidate;
            }
        }

        return null;
    }
}
