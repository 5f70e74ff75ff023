namespace StompFunctions.Broker.Queues;

/// <summary>
/// The handing-out part of a <see cref="QueuePlan"/>: ready messages to consumers with room, round robin, within one
/// commit's writes (shared with the plan), after taking back client-mode claims the send lease says were never sent.
/// </summary>
internal sealed class QueueDispatch(
    string queue, QueueSnapshot snapshot, long now, StompQueueOptions options, QueueConsumerRing consumers, QueueSentRecords sent, List<QueueWrite> writes)
{
    private readonly string _queue = queue;
    private readonly QueueSnapshot _snapshot = snapshot;
    private readonly long _now = now;
    private readonly StompQueueOptions _options = options;
    private readonly QueueConsumerRing _consumers = consumers;
    private readonly QueueSentRecords _sent = sent;
    private readonly List<QueueWrite> _writes = writes;

    public List<QueueDelivery> Deliveries { get; } = [];

    public List<QueuedMessage> DeadLetters { get; } = [];

    public List<int> ClaimWrites { get; } = [];

    /// <summary>The commit stopped at its size limit with messages left.</summary>
    public bool Full { get; private set; }

    /// <summary>Messages were left or made ready.</summary>
    public bool AddedReady { get; private set; }

    /// <summary>
    /// Hands ready messages, oldest first, to consumers with room, round robin; drops expired ones and moves those
    /// delivered too often to <see cref="DeadLetters"/>. A SEND's <paramref name="fresh"/> message comes last and is
    /// claimed directly only when nothing older waits; otherwise it is stored ready. Claims the send lease takes back
    /// go first, alone: the next round hands everything out in order.
    /// </summary>
    public void Run(QueuedMessage? fresh)
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
                Full = true;
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

        var taker = older == 0 && !Full && !_snapshot.MoreReady ? _consumers.NextWithRoom() : null;
        if (taker is null)
        {
            _writes.Add(QueueWrite.Add(fresh));
            AddedReady = true;
            return;
        }

        Claim(taker, fresh, isNew: true);
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
    public bool Fits(int needed) =>
        _writes.Count + _consumers.ToWrite.Count() + needed <= QueueWrite.MaxPerCommit;
}
