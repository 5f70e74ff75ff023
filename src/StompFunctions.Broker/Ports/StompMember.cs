namespace StompFunctions.Broker.Ports;

/// <summary>One connection's membership of a route's group; the collector removes routes that have none left.</summary>
/// <param name="Destination">The route's destination (members share the destination's partition).</param>
/// <param name="Group">The route's group.</param>
/// <param name="ConnectionId">The member connection.</param>
/// <param name="UserId">The connection's user, when known (presence queries).</param>
public sealed record StompMember(string Destination, string Group, string ConnectionId, string? UserId = null);
