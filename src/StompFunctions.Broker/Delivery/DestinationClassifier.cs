namespace StompFunctions.Broker.Delivery;

/// <summary>Tells broker destinations from the rest by <see cref="StompBrokerOptions.BrokerPrefixes"/>.</summary>
internal sealed class DestinationClassifier(IList<string> brokerPrefixes)
{
    private readonly string[] _prefixes = [.. brokerPrefixes];

    public DestinationKind Classify(string destination)
    {
        foreach (var prefix in _prefixes)
        {
            if (destination.StartsWith(prefix, StringComparison.Ordinal))
            {
                return DestinationKind.Broadcast;
            }
        }

        return DestinationKind.Unrouted;
    }

    /// <summary>The prefixes, as ERROR texts name them.</summary>
    public string DescribePrefixes() => string.Join(", ", _prefixes);
}
