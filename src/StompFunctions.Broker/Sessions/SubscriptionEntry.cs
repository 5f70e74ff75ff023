namespace StompFunctions.Broker.Sessions;

/// <summary>One active subscription of a connection; the group is recomputed from the triple when needed, keeping the state small.</summary>
internal sealed record SubscriptionEntry(string Id, string Destination, StompAckMode AckMode)
{
    public string Group => StompGroupNames.For(Destination, Id, AckMode);
}
