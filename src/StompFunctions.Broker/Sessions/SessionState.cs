using StompFunctions.Protocol;

namespace StompFunctions.Broker.Sessions;

/// <summary>
/// One connection's STOMP session as it travels in <c>ce-connectionState</c> (or spills to the store):
/// negotiated version, session id, user, subscriptions, open transactions and the unconsumed tail of a
/// frame split across WebSocket messages.
/// </summary>
internal sealed class SessionState
{
    public bool Connected { get; set; }

    public StompVersion Version { get; set; } = StompVersion.V1_2;

    public string? SessionId { get; set; }

    public string? User { get; set; }

    public List<SubscriptionEntry> Subscriptions { get; } = [];

    public List<TransactionEntry> Transactions { get; } = [];

    /// <summary>Bytes of an incomplete frame waiting for the next WebSocket message.</summary>
    public byte[]? Pending { get; set; }

    /// <summary>The ETag of the spilled row this state was read from, if it was spilled.</summary>
    public string? SpillETag { get; set; }

    public SubscriptionEntry? FindSubscription(string id)
    {
        foreach (var subscription in Subscriptions)
        {
            if (string.Equals(subscription.Id, id, StringComparison.Ordinal))
            {
                return subscription;
            }
        }

        return null;
    }

    public TransactionEntry? FindTransaction(string id)
    {
        foreach (var transaction in Transactions)
        {
            if (string.Equals(transaction.Id, id, StringComparison.Ordinal))
            {
                return transaction;
            }
        }

        return null;
    }
}
