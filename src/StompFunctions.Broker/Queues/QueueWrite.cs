namespace StompFunctions.Broker.Queues;

/// <summary>
/// One row change of a <see cref="IQueueStore.CommitAsync"/>. Conditional kinds carry the ETag read
/// (<c>*</c> matches any version); the row is named by the message's sequence or the consumer's
/// connection and subscription.
/// </summary>
public sealed record QueueWrite
{
    /// <summary>Table Storage's entity-group transactions hold at most 100 rows.</summary>
    public const int MaxPerCommit = 100;

    /// <summary>Matches any ETag.</summary>
    public const string AnyETag = "*";

    private QueueWrite(QueueWriteKind kind, QueuedMessage? message, QueueConsumer? consumer, string? etag, QueueEventMark? mark = null, QueueSentBatch? sent = null)
    {
        Kind = kind;
        Message = message;
        Consumer = consumer;
        ETag = etag;
        Mark = mark;
        Sent = sent;
    }

    public QueueWriteKind Kind { get; }

    /// <summary>
    /// The message written, or whose sequence names the row. For <see cref="QueueWriteKind.ReleaseMessage"/> its
    /// <see cref="QueuedMessage.Deliveries"/> is the count to set, or -1 to keep the stored one.
    /// </summary>
    public QueuedMessage? Message { get; }

    /// <summary>The consumer written, or whose connection and subscription name the row.</summary>
    public QueueConsumer? Consumer { get; }

    /// <summary>The connection's mark written, or whose connection names the row.</summary>
    public QueueEventMark? Mark { get; }

    /// <summary>The sent record written, or whose batch names the row.</summary>
    public QueueSentBatch? Sent { get; }

    /// <summary>The version a conditional write expects.</summary>
    public string? ETag { get; }

    public static QueueWrite Add(QueuedMessage message) => new(QueueWriteKind.AddMessage, Checked(message), null, null);

    public static QueueWrite Upsert(QueuedMessage message) => new(QueueWriteKind.UpsertMessage, Checked(message), null, null);

    /// <summary>Writes the message's delivery fields, conditional on the ETag it was read with (or <paramref name="etag"/>).</summary>
    public static QueueWrite Update(QueuedMessage message, string? etag = null) =>
        new(QueueWriteKind.UpdateMessage, Checked(message), null, etag ?? message.ETag ?? throw MissingETag());

    public static QueueWrite Delete(QueuedMessage message, string? etag = null) =>
        new(QueueWriteKind.DeleteMessage, Checked(message), null, etag ?? message.ETag ?? throw MissingETag());

    /// <summary>Deletes a message known by its sequence: settled by an ACK (any version), or sent in auto mode (the claim's version).</summary>
    public static QueueWrite Delete(string sequence, string etag = AnyETag) => new(QueueWriteKind.DeleteMessage, Named(sequence, 0), null, etag);

    /// <summary>
    /// Puts a message known by its sequence back into the queue, whatever its version: its owner's row is
    /// written in the same commit, conditional on its ETag, so no one else can have taken it meanwhile.
    /// With <paramref name="deliveries"/> the count is set too (a send that failed does not count).
    /// </summary>
    public static QueueWrite Release(string sequence, int? deliveries = null, string etag = AnyETag) =>
        new(QueueWriteKind.ReleaseMessage, Named(sequence, deliveries ?? -1), null, etag);

    public static QueueWrite Upsert(QueueConsumer consumer) => new(QueueWriteKind.UpsertConsumer, null, Checked(consumer), null);

    public static QueueWrite Replace(QueueConsumer consumer, string etag) => new(QueueWriteKind.ReplaceConsumer, null, Checked(consumer), etag);

    public static QueueWrite Delete(QueueConsumer consumer) =>
        new(QueueWriteKind.DeleteConsumer, null, Checked(consumer), consumer.ETag ?? throw MissingETag());

    /// <summary>Writes a connection's mark: inserted when it was read with no ETag (none existed), else replaced if its ETag still matches.</summary>
    public static QueueWrite Put(QueueEventMark mark) => new(QueueWriteKind.PutMark, null, null, Checked(mark).ETag, mark);

    public static QueueWrite Delete(QueueEventMark mark) => new(QueueWriteKind.DeleteMark, null, null, Checked(mark).ETag ?? throw MissingETag(), mark);

    /// <summary>Writes what a runner sent of a batch, whatever is there: only that batch's runner writes its row.</summary>
    public static QueueWrite Put(QueueSentBatch sent) => new(QueueWriteKind.PutSent, null, null, null, null, Checked(sent));

    /// <summary>Deletes a sent record if its ETag still matches.</summary>
    public static QueueWrite Delete(QueueSentBatch sent) =>
        new(QueueWriteKind.DeleteSent, null, null, Checked(sent).ETag ?? throw MissingETag(), null, sent);

    private static QueuedMessage Named(string sequence, int deliveries)
    {
        ArgumentException.ThrowIfNullOrEmpty(sequence);
        return new QueuedMessage(sequence, [], ReadOnlyMemory<byte>.Empty, deliveries, null, 0, null);
    }

    private static T Checked<T>(T value)
        where T : class => value ?? throw new ArgumentNullException(nameof(value));

    private static ArgumentException MissingETag() => new("A conditional queue write needs the ETag the row was read with.");
}
