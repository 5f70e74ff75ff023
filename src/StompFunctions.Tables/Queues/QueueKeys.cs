using StompFunctions.Tables.Keys;

namespace StompFunctions.Tables.Queues;

/// <summary>
/// Row keys of a queue's partition: consumers under <c>c|</c>, messages under <c>m|</c> by sequence, so one range
/// query reads every consumer and the messages in queue order, and each range is a prefix scan.
/// </summary>
internal static class QueueKeys
{
    public const string ConsumerPrefix = "c|";
    public const string ConsumerRangeEnd = "c}";
    public const string MessagePrefix = "m|";
    public const string MessageRangeEnd = "m}";

    private const int ConsumerPartBudget = (TableKeyEncoding.MaxKeyLength - 3) / 2;

    /// <summary>Sequences are ASCII letters and digits (the broker's <c>QueueSequence</c>), safe as they are.</summary>
    public static string MessageRow(string sequence) => string.Concat(MessagePrefix, sequence);

    public static string ConsumerRow(string connectionId, string subscriptionId) =>
        string.Concat(ConsumerPrefix, TableKeys.Part(connectionId, ConsumerPartBudget), "|", TableKeys.Part(subscriptionId, ConsumerPartBudget));

    public static string SequenceOf(string rowKey) => rowKey[MessagePrefix.Length..];
}
