namespace StompFunctions.Broker.Queues;

/// <summary>
/// The owner value stored on a delivered message: connection id, a line feed, subscription id. Connection
/// ids never contain a line feed, so the first one separates the parts even when a subscription id has one.
/// </summary>
public static class QueueOwners
{
    public static string Format(string connectionId, string subscriptionId) => string.Concat(connectionId, "\n", subscriptionId);

    /// <summary>The connection part of an owner value.</summary>
    public static string ConnectionOf(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var separator = owner.IndexOf('\n', StringComparison.Ordinal);
        return separator < 0 ? owner : owner[..separator];
    }
}
