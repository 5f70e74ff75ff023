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
    private bool _full;

    public QueuePlan(string queue, QueueSnapshot snapshot, long nowMilliseconds, StompQueueOptions options, int rotation)
    {
        _queue = queue;
        _snapshot = snapshot;
        _now = nowMilliseconds;
        _options = options;
        _consumers = new QueueConsumerRing(snapshot.Consumers, rotation);
        _sent = new QueueSentRecords(snapshot.SentBatches);
    }

    public List<QueueDelivery> Deliveries { get; } = [];

    /// <summary>Messages delivered <see cref="StompQueueOptions.MaxDeliveries"/> times, deleted here once copied to the dead-letter queue.</summary>
    public List<QueuedMessage> DeadLetters { get; } = [];

    /// <summary>Indexes into <see cref="Writes"/> of each delivery's claim (its new ETag guards the auto-mode delete).</summary>
    public List<int> ClaimWrites { get; } = [];

    public IReadOnlyList<QueueWrite> Writes => _writes;

    /// <summary>
    /// Whether the queue must be read again after this commit: it left messages ready or made room that it could
    /// not fill, and a concurrent operation on another instance may have decided on a read older than this commit
    /// (each side re-reading after its own write means one of them sees the other), or it stopped at a limit.
    /// </summary>
    public bool NeedsRecheck => _full || AddedReady || (AddedRoom && HasRoom)
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
    /// Hands ready messages, oldest first, to consumers with room, round robin; drops expired ones and moves those
    /// delivered too often to <see cref="DeadLetters"/>. A SEND's <paramref name="fresh"/> message comes last and is
    /// claimed directly only when nothing older waits; otherwise it is stored ready.
    /// </summary>
    public void Dispatch(QueuedMessage? fresh)
    {
        if (ReclaimUnsent())
        {
            // What came back is older than the ready messages read: the next round hands everything out in order.
            if (fresh is not null)
            {
                _writes.Add(QueueWrite.Add(fresh));
            }

            return;
        }

        var reserved = fresh is null ? 0 : 1;
        var older = 0;
        foreach (var message in _snapshot.Ready)
        {
            if (!Fits(2 + reserved))
            {
                _full = true;
                break;
            }

            if (message.ExpiresAt <= _now)
            {
                _writes.Add(QueueWrite.Delete(message));
                continue;
            }

            if (message.Deliveries >= _options.MaxDeliveries)
            {
                DeadLetters.Add(message);
                _writes.Add(QueueWrite.Delete(message));
                continue;
            }

            var consumer = _consumers.NextWithRoom();
            if (consumer is null)
            {
                older++;
                continue;
            }

            Claim(consumer, message, isNew: false);
        }

        if (fresh is null)
        {
            return;
        }

        var taker = older == 0 && !_full && !_snapshot.MoreReady ? _consumers.NextWithRoom() : null;
        if (taker is null)
        {
            _writes.Add(QueueWrite.Add(fresh));
            AddedReady = true;
            return;
        }

        Claim(taker, fresh, isNew: true);
    }

    /// <summary>The writes of the commit: everything planned, sent records no longer needed, then each changed consumer's row.</summary>
    public IReadOnlyList<QueueWrite> Finish()
    {
        foreach (var unneeded in _sent.Unneeded(_consumers))
        {
            if (Fits(1))
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

    // Client-mode entries claimed longer than the send lease ago that no sent record lists go back ready, counted (their send
    // may have gone out with the record lost, so the next delivery is marked redelivered). True when any did.
    private bool ReclaimUnsent()
    {
        var leaseStart = _now - (long)_options.SendLease.TotalMilliseconds;
        var reclaimed = false;
        foreach (var consumer in _consumers.Present)
        {
            var room = QueueWrite.MaxPerCommit - _writes.Count - _consumers.ToWrite.Count() - 1;
            var taken = consumer.TakeOut(i => _sent.Unsent(consumer, i, leaseStart), room);
            _writes.AddRange(taken.Select(static sequence => QueueWrite.Release(sequence)));
            reclaimed |= taken.Count > 0;
        }

        AddedReady |= reclaimed;
        return reclaimed;
    }

    private void Claim(WorkingConsumer consumer, QueuedMessage message, bool isNew)
    {
        var auto = consumer.Read.AckMode == StompAckMode.Auto;
        var claimed = message with
        {
            Deliveries = message.Deliveries + 1,
            Owner = consumer.Read.Owner,
            LeaseUntil = auto ? _now + (long)_options.AutoAckLease.TotalMilliseconds : QueuedMessage.HeldUntilSettled,
        };
        ClaimWrites.Add(_writes.Count);
        _writes.Add(isNew ? QueueWrite.Add(claimed) : QueueWrite.Update(claimed, message.ETag));
        string? batch = null;
        if (!auto)
        {
            batch = consumer.Batch ??= QueueSentBatch.TagOf(claimed, _now);
            consumer.Add(message.Sequence, batch);
            consumer.Changed = true;
        }

        consumer.ClaimedNow++;
        Deliveries.Add(new QueueDelivery(_queue, consumer.Read, claimed, message.Deliveries > 0, batch));
    }

    // Room for a claim (its write and, at most, its consumer's row) plus what is reserved, within one commit.
    private bool Fits(int needed) =>
        _writes.Count + _consumers.ToWrite.Count() + needed <= QueueWrite.MaxPerCommit;
}
