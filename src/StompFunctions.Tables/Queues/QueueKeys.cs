using StompFunctions.Tables.Keys;

namespace StompFunctions.Tables.Queues;

/// <summary>
/// Row keys of a queue's partition: consumers under <c>c|</c>, sent records under <c>d|</c> by batch, publishers' marks
/// under <c>e|</c> by connection, messages under <c>m|</c> by sequence, so one range query reads every consumer, the sent
/// records, a mark and the messages in queue order (all before the messages, so a page cut short by a backlog still holds
/// them), each range a prefix scan.
/// </summary>
internal static class QueueKeys
{
    public const string ConsumerPrefix = "c|";
    public const string SentPrefix = "d|";
    public const string SentRangeEnd = "d}";
    public const string MarkPrefix = "e|";
    public const string MarkRangeEnd = "e}";
    public const string MessagePrefix = "m|";
    public const string MessageRangeEnd = "m}";

    private const int ConsumerPartBudget = (TableKeyEncoding.MaxKeyLength - 3) / 2;

    /// <summary>Sequences are ASCII letters and digits (the broker's <c>QueueSequence</c>), safe as they are.</summary>
    public static string MessageRow(string sequence) => string.Concat(MessagePrefix, sequence);

    public static string ConsumerRow(string connectionId, string subscriptionId) =>
        string.Concat(ConsumerPrefix, TableKeys.Part(connectionId, ConsumerPartBudget), "|", TableKeys.Part(subscriptionId, ConsumerPartBudget));

    public static string MarkRow(string connectionId) => string.Concat(MarkPrefix, TableKeys.Part(connectionId, TableKeyEncoding.MaxKeyLength - MarkPrefix.Length));

    /// <summary>Batch tags are a sequence, a dot and a number: safe as they are.</summary>
    public static string SentRow(string batch) => string.Concat(SentPrefix, batch);

    public static string SequenceOf(string rowKey) => rowKey[MessagePrefix.Length..];
}
