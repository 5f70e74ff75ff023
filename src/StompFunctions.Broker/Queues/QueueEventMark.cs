namespace StompFunctions.Broker.Queues;

/// <summary>
/// A connection's mark in a queue's partition: the <see cref="QueueEventKey"/> of its last enqueue applied there and
/// the sequence that message got. It is written in the enqueue's own transaction, conditional on the version read,
/// so the message and its mark are stored together or not at all: the event claim costs no request of its own.
/// </summary>
/// <param name="ConnectionId">The publishing connection.</param>
/// <param name="Event">The <see cref="QueueEventKey.Event"/> of the last enqueue applied.</param>
/// <param name="Index">Its <see cref="QueueEventKey.Index"/>.</param>
/// <param name="Sequence">The sequence its message got (a retry's publisher resumes its order from it).</param>
/// <param name="ETag">The store's version when read; null on marks built for a first write.</param>
public sealed record QueueEventMark(string ConnectionId, string Event, int Index, string Sequence, string? ETag = null)
{
    /// <summary>
    /// Whether the enqueue <paramref name="key"/> names was applied already: it is this mark's or came before it (an
    /// older event, or an earlier enqueue of the same event). Sequences compare ordinally, as the partition sorts them.
    /// </summary>
    public bool Covers(QueueEventKey key)
    {
        var order = string.CompareOrdinal(Event, key.Event);
        return order > 0 || (order == 0 && Index >= key.Index);
    }
}
