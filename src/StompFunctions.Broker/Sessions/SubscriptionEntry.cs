using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Sessions;

/// <summary>One active subscription of a connection; the group is recomputed from the triple when needed, keeping the state small.</summary>
internal sealed record SubscriptionEntry(string Id, string Destination, StompAckMode AckMode)
{
    public string Group => StompGroupNames.For(Destination, Id, AckMode);

    /// <summary>Where the store keeps the route and member: the wildcard index for a topic pattern, else the destination.</summary>
    public string StoreDestination => TopicWildcards.IsPattern(Destination) ? TopicWildcards.IndexDestination : Destination;

    /// <summary>The route to record for this subscription.</summary>
    public StompRoute Route() => TopicWildcards.IsPattern(Destination)
        ? new StompRoute(TopicWildcards.IndexDestination, Id, AckMode, Group, Pattern: Destination)
        : new StompRoute(Destination, Id, AckMode, Group);
}
