namespace StompFunctions.Broker.Delivery;

/// <summary>
/// Tells broker destinations from the rest by <see cref="StompBrokerOptions.BrokerPrefixes"/>, and queues among them
/// by the queue prefix (<c>/queue/</c> by default) when that is also a broker prefix.
/// </summary>
internal sealed class DestinationClassifier(IList<string> brokerPrefixes, string? queuePrefix = null)
{
    private readonly string[] _prefixes = [.. brokerPrefixes];

    public DestinationKind Classify(string destination)
    {
        if (UserDestinations.IsUser(destination))
        {
            return DestinationKind.User;
        }

        foreach (var prefix in _prefixes)
        {
            if (destination.StartsWith(prefix, StringComparison.Ordinal))
            {
                return queuePrefix is { Length: > 0 } && destination.StartsWith(queuePrefix, StringComparison.Ordinal)
                    ? DestinationKind.Queue
                    : DestinationKind.Broadcast;
            }
        }

        return DestinationKind.Unrouted;
    }

    /// <summary>The prefixes, as ERROR texts name them.</summary>
    public string DescribePrefixes() => string.Join(", ", _prefixes);
}
