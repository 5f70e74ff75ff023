using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Ports;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Sessions;

/// <summary>
/// One active subscription of a connection; the group is recomputed when needed from the triple and the session's
/// version (1.0/1.1 sessions have groups of their own), keeping the state small. <see cref="Prefetch"/> is a queue
/// consumer's <c>prefetch-count</c> (0: none given), kept so that a consumer lost with the store is restored as it was.
/// </summary>
internal sealed record SubscriptionEntry(string Id, string Destination, StompAckMode AckMode, int Prefetch = 0)
{
    public string GroupIn(StompVersion version) => StompGroupNames.For(Destination, Id, AckMode, version);

    /// <summary>Where the store keeps the route and member: the wildcard index for a topic pattern, else the destination.</summary>
    public string StoreDestination => TopicWildcards.IsPattern(Destination) ? TopicWildcards.IndexDestination : Destination;

    /// <summary>The route to record for this subscription of a session of <paramref name="version"/>.</summary>
    public StompRoute Route(StompVersion version) => TopicWildcards.IsPattern(Destination)
        ? new StompRoute(TopicWildcards.IndexDestination, Id, AckMode, GroupIn(version), Pattern: Destination)
        : new StompRoute(Destination, Id, AckMode, GroupIn(version));
}
