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

    /// <summary>The roles the connection's identity carries (from the token, or set by a CONNECT hook); null when none.</summary>
    public string[]? Roles { get; set; }

    private List<SubscriptionEntry>? _subscriptions;
    private List<TransactionEntry>? _transactions;

    // Created on first use: a SEND outside a transaction never touches them.
    public List<SubscriptionEntry> Subscriptions => _subscriptions ??= [];

    public List<TransactionEntry> Transactions => _transactions ??= [];

    public bool HasSubscriptions => _subscriptions is { Count: > 0 };

    public bool HasTransactions => _transactions is { Count: > 0 };

    /// <summary>Bytes of an incomplete frame waiting for the next WebSocket message.</summary>
    public byte[]? Pending { get; set; }

    /// <summary>The sequence of this connection's last queue SEND: its next one sorts after it, whichever instance runs it.</summary>
    public string? LastQueueSequence { get; set; }

    /// <summary>
    /// The store generation this connection's routes (and queue consumers) were last written under, and whose notice group
    /// it joined; null before its first SUBSCRIBE. When the store's generation differs, the rows may be gone and are
    /// written again from <see cref="Subscriptions"/> (docs/table-design.md, "Store generation").
    /// </summary>
    public string? Generation { get; set; }

    /// <summary>The version of the connection's event marker as of this state (null before its first claim).</summary>
    public string? EventVersion { get; set; }

    /// <summary>
    /// True when the pointer that led to the spilled row is older than the row: an attempt of this same event saved a
    /// newer state already, so this one is a retry (never serialized).
    /// </summary>
    public bool SpilledByEarlierAttempt { get; set; }

    /// <summary>The ETag of the spilled row this state was read from, if it was spilled.</summary>
    public string? SpillETag { get; set; }

    public SubscriptionEntry? FindSubscription(string id)
    {
        if (_subscriptions is null)
        {
            return null;
        }

        foreach (var subscription in _subscriptions)
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
        if (_transactions is null)
        {
            return null;
        }

        foreach (var transaction in _transactions)
        {
            if (string.Equals(transaction.Id, id, StringComparison.Ordinal))
            {
                return transaction;
            }
        }

        return null;
    }
}
