namespace StompFunctions.Broker.Collector;

/// <summary>What one collector run did.</summary>
/// <param name="DestinationsScanned">Destinations read.</param>
/// <param name="MembersRemoved">Member rows of connections that no longer exist, removed.</param>
/// <param name="RoutesRemoved">Routes with no member left, removed.</param>
/// <param name="RoutesKept">Routes whose conditional delete met a newer ETag (a concurrent SUBSCRIBE) and were kept.</param>
/// <param name="SpilledStatesRemoved">Spilled connection states of connections that no longer exist, removed.</param>
/// <param name="Complete">False when a pass stopped at its page bound before listing everything.</param>
/// <param name="QueueConsumersRemoved">Queue consumers of connections that no longer exist, removed (their messages went back).</param>
public sealed record StompCollectionResult(
    int DestinationsScanned, int MembersRemoved, int RoutesRemoved, int RoutesKept, int SpilledStatesRemoved, bool Complete, int QueueConsumersRemoved = 0);
