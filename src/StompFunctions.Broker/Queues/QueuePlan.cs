namespace StompFunctions.Broker.Queues;

/// <summary>
/// One attempt at changing a queue: built on a <see cref="QueueSnapshot"/>, it settles, adds or removes
/// consumers, then hands the oldest ready messages round robin to consumers with room, and yields the writes
/// of one commit (each claim conditional on the ETag read) plus the deliveries to send once it is applied.
/// </summary>
internal sealed class QueuePlan
{
    private readonly List<QueueWrite> _writes = [];
    private readonly QueueConsumerRing _consumers;
    private readonly QueueSnapshot _snapshot;
    private readonly string _queue;
    private readonly long _now;
    private readonly StompQueueOptions _options;
    private readonly QueueSentRecords _sent;
    private readonly QueueDispatch _dispatch;

    public QueuePlan(string queue, QueueSnapshot snapshot, long nowMilliseconds, StompQueueOptions options, int rotation)
    {
        _queue = queue;
        _snapshot = snapshot;
        _now = nowMilliseconds;
        _options = options;
        _consumers = new QueueConsumerRing(snapshot.Consumers, rotation);
        _sent = new QueueSentRecords(snapshot.SentBatches);
        _dispatch = new QueueDispatch(queue, snapshot, nowMilliseconds, options, _consumers, _sent, _writes);
    }

    public List<QueueDelivery> Deliveries => _dispatch.Deliveries;

    /// <summary>Messages delivered <see cref="StompQueueOptions.MaxDeliveries"/> times, deleted here once copied to the dead-letter queue.</summary>
    public List<QueuedMessage> DeadLetters => _dispatch.DeadLetters;

    /// <summary>Indexes into <see cref="Writes"/> of each delivery's claim (its new ETag guards the auto-mode delete).</summary>
    public List<int> ClaimWrites => _dispatch.ClaimWrites;

    public IReadOnlyList<QueueWrite> Writes => _writes;

    /// <summary>
    /// Whether the queue must be read again after this commit: it left messages ready or made room that it could
    /// not fill, and a concurrent operation on another instance may have decided on a read older than this commit
    /// (each side re-reading after its own write means one of them sees the other), or it stopped at a limit.
    /// </summary>
    public bool NeedsRecheck => _dispatch.Full || AddedReady || _dispatch.AddedReady || (AddedRoom && HasRoom)
        || (_snapshot.MoreReady && Deliveries.Count > 0 && HasRoom);

    private bool AddedReady { get; set; }

    private bool AddedRoom { get; set; }

    private bool HasRoom => _consumers.HasRoom;

    public WorkingConsumer? Find(string connectionId, string subscriptionId) => _consumers.Find(connectionId, subscriptionId);

    /// <summary>SUBSCRIBE: a new consumer (replacing a stale one of the same connection and id, whose messages go back).</summary>
    public void AddConsumer(QueueConsumer consumer)
    {
        var stale = Find(consumer.ConnectionId, consumer.SubscriptionId);
        if (stale is not null)
        {
            ReleaseAll(stale);
        }

        _consumers.Replace(stale, new WorkingConsumer(consumer with { InFlight = [], ETag = stale?.Read.ETag }, isNew: true));
        AddedRoom = true;
    }

    /// <summary>UNSUBSCRIBE, DISCONNECT, a lost connection: the consumer goes and its unsettled messages return.</summary>
    public void Remove(WorkingConsumer consumer)
    {
        _writes.Add(QueueWrite.Delete(consumer.Read));
        ReleaseAll(consumer);
        consumer.Removed = true;
    }

    /// <summary>
    /// ACK (<paramref name="requeue"/> false) or NACK of a delivered sequence: in <c>client</c> mode it covers every earlier
    /// delivery of the subscription too. An ACK settles an earlier one only if it is known to have been sent
    /// (<see cref="QueueSentRecords.Sent"/>); any other was claimed by an instance that died before sending it, and goes back
    /// (counted, so its next delivery is marked redelivered). False when the consumer does not hold the sequence.
    /// </summary>
    public bool Settle(WorkingConsumer consumer, string sequence, bool requeue)
    {
        var index = consumer.InFlight.IndexOf(sequence);
        if (index < 0)
        {
            return false;
        }

        var first = consumer.Read.AckMode == StompAckMode.Client ? 0 : index;
        for (var i = first; i <= index; i++)
        {
            var settles = !requeue && (i == index || _sent.Sent(consumer, i, index));
            _writes.Add(settles ? QueueWrite.Delete(consumer.InFlight[i]) : QueueWrite.Release(consumer.InFlight[i]));
            AddedReady |= !settles;
        }

        consumer.RemoveRange(first, index - first + 1);
        consumer.Changed = true;
        AddedRoom = true;
        return true;
    }

    /// <summary>
    /// Marks the enqueue <paramref name="key"/> names as done, in this commit, unless the connection's mark shows it done
    /// already (a retried event): then false, with the sequence the mark recorded in <paramref name="recorded"/>.
    /// </summary>
    public bool TryMark(QueueEventKey key, string sequence, out string recorded)
    {
        var read = _snapshot.Mark;
        if (read is not null && read.Covers(key))
        {
            recorded = read.Sequence;
            return false;
        }

        _writes.Add(QueueWrite.Put(new QueueEventMark(key.ConnectionId, key.Event, key.Index, sequence, read?.ETag)));
        recorded = sequence;
        return true;
    }

    /// <summary>A claimed message whose send failed goes back with its delivery uncounted.</summary>
    public void ReturnUnsent(WorkingConsumer consumer, QueuedMessage claimed)
    {
        var index = consumer.InFlight.IndexOf(claimed.Sequence);
        if (index >= 0)
        {
            consumer.RemoveRange(index, 1);
            consumer.Changed = true;
            _writes.Add(QueueWrite.Release(claimed.Sequence, claimed.Deliveries - 1));
        }
    }

    /// <summary>
    /// Hands ready messages, oldest first, to consumers with room (<see cref="QueueDispatch.Run"/>); a SEND's
    /// <paramref name="fresh"/> message comes last.
    /// </summary>
    public void Dispatch(QueuedMessage? fresh) => _dispatch.Run(fresh);

    /// <summary>The writes of the commit: everything planned, sent records no longer needed, then each changed consumer's row.</summary>
    public IReadOnlyList<QueueWrite> Finish()
    {
        foreach (var unneeded in _sent.Unneeded(_consumers))
        {
            if (_dispatch.Fits(1))
            {
                _writes.Add(QueueWrite.Delete(unneeded));
            }
        }

        foreach (var consumer in _consumers.ToWrite)
        {
            _writes.Add(consumer.IsNew ? QueueWrite.Upsert(consumer.Result()) : QueueWrite.Replace(consumer.Result(), consumer.Read.ETag!));
        }

        return _writes;
    }

    private void ReleaseAll(WorkingConsumer consumer)
    {
        foreach (var sequence in consumer.InFlight)
        {
            _writes.Add(QueueWrite.Release(sequence));
            AddedReady = true;
        }

        consumer.RemoveRange(0, consumer.InFlight.Count);
    }
}
