using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.InMemory;

/// <summary>
/// The rows of one queue, like a Table Storage partition: consumers by owner value, messages in sequence order,
/// publishers' marks by connection, sent records by batch, every row with an ETag that changes on each write. Not thread-safe: <see cref="InMemoryQueueStore"/> locks.
/// </summary>
internal sealed class QueuePartition
{
    private readonly SortedDictionary<string, QueueConsumer> _consumers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, QueuedMessage> _messages = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, QueueEventMark> _marks = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, QueueSentBatch> _sent = new(StringComparer.Ordinal);

    public bool IsEmpty => _consumers.Count == 0 && _messages.Count == 0 && _marks.Count == 0 && _sent.Count == 0;

    public IReadOnlyList<QueueEventMark> Marks => [.. _marks.Values];

    public QueueSnapshot Read(long now, int maxReady, string? markOf)
    {
        var mark = markOf is not null && _marks.TryGetValue(markOf, out var found) ? found : null;
        var ready = new List<QueuedMessage>();
        var more = false;
        foreach (var message in _messages.Values)
        {
            if (message.LeaseUntil >= now)
            {
                continue;
            }

            if (ready.Count == maxReady)
            {
                more = true;
                break;
            }

            ready.Add(message);
        }

        return new QueueSnapshot([.. _consumers.Values], ready, more, mark, [.. _sent.Values]);
    }

    /// <summary>Checks every write against the current rows; the first failure's outcome, or null when all apply.</summary>
    public Ports.StoreOutcome? Check(IReadOnlyList<QueueWrite> writes)
    {
        foreach (var write in writes)
        {
            var outcome = write.Kind switch
            {
                QueueWriteKind.AddMessage => _messages.ContainsKey(write.Message!.Sequence) ? Ports.StoreOutcome.Conflict : (Ports.StoreOutcome?)null,
                QueueWriteKind.UpdateMessage or QueueWriteKind.ReleaseMessage or QueueWriteKind.DeleteMessage =>
                    Matches(_messages, write.Message!.Sequence, write.ETag, static m => m.ETag),
                QueueWriteKind.ReplaceConsumer or QueueWriteKind.DeleteConsumer =>
                    Matches(_consumers, write.Consumer!.Owner, write.ETag, static c => c.ETag),
                QueueWriteKind.PutMark when write.ETag is null => _marks.ContainsKey(write.Mark!.ConnectionId) ? Ports.StoreOutcome.Conflict : null,
                QueueWriteKind.PutMark or QueueWriteKind.DeleteMark => Matches(_marks, write.Mark!.ConnectionId, write.ETag, static m => m.ETag),
                QueueWriteKind.DeleteSent => Matches(_sent, write.Sent!.Batch, write.ETag, static r => r.ETag),
                _ => null,
            };
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return null;
    }

    /// <summary>Applies checked writes, giving each written row <paramref name="nextETag"/>'s value; returns the new ETags.</summary>
    public string?[] Apply(IReadOnlyList<QueueWrite> writes, Func<string> nextETag)
    {
        var etags = new string?[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            var message = write.Message;
            var consumer = write.Consumer;
            switch (write.Kind)
            {
                case QueueWriteKind.AddMessage or QueueWriteKind.UpsertMessage:
                    _messages[message!.Sequence] = Stored(message, etags[i] = nextETag());
                    break;
                case QueueWriteKind.UpdateMessage:
                    _messages[message!.Sequence] = _messages[message.Sequence] with
                    {
                        Deliveries = message.Deliveries, Owner = message.Owner, LeaseUntil = message.LeaseUntil, ETag = etags[i] = nextETag(),
                    };
                    break;
                case QueueWriteKind.ReleaseMessage:
                    var current = _messages[message!.Sequence];
                    _messages[message.Sequence] = current with
                    {
                        Deliveries = message.Deliveries >= 0 ? message.Deliveries : current.Deliveries, Owner = null, LeaseUntil = 0, ETag = etags[i] = nextETag(),
                    };
                    break;
                case QueueWriteKind.DeleteMessage:
                    _messages.Remove(message!.Sequence);
                    break;
                case QueueWriteKind.UpsertConsumer or QueueWriteKind.ReplaceConsumer:
                    _consumers[consumer!.Owner] = consumer with
                    {
                        InFlight = [.. consumer.InFlight], Batches = consumer.Batches is null ? null : [.. consumer.Batches], ETag = etags[i] = nextETag(),
                    };
                    break;
                case QueueWriteKind.DeleteConsumer:
                    _consumers.Remove(consumer!.Owner);
                    break;
                case QueueWriteKind.PutMark:
                    _marks[write.Mark!.ConnectionId] = write.Mark with { ETag = etags[i] = nextETag() };
                    break;
                case QueueWriteKind.DeleteMark:
                    _marks.Remove(write.Mark!.ConnectionId);
                    break;
                case QueueWriteKind.PutSent:
                    _sent[write.Sent!.Batch] = write.Sent with { Sent = [.. write.Sent.Sent], ETag = etags[i] = nextETag() };
                    break;
                case QueueWriteKind.DeleteSent:
                    _sent.Remove(write.Sent!.Batch);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(writes), write.Kind, "Unknown queue write.");
            }
        }

        return etags;
    }

    // Copies the body and headers: the caller may reuse its buffers once the call returns.
    private static QueuedMessage Stored(QueuedMessage message, string etag) =>
        message with { Headers = [.. message.Headers], Body = message.Body.ToArray(), ETag = etag };

    private static Ports.StoreOutcome? Matches<T>(SortedDictionary<string, T> rows, string key, string? etag, Func<T, string?> etagOf)
    {
        if (!rows.TryGetValue(key, out var row))
        {
            return Ports.StoreOutcome.NotFound;
        }

        return etag == QueueWrite.AnyETag || string.Equals(etagOf(row), etag, StringComparison.Ordinal) ? null : Ports.StoreOutcome.Conflict;
    }
}
