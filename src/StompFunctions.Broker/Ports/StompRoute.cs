using StompFunctions.Protocol;

namespace StompFunctions.Broker.Ports;

/// <summary>
/// One fan-out unit of a destination: every connection subscribed to <see cref="Destination"/> with the
/// same subscription id, ack mode and STOMP version family sits in the Web PubSub group <see cref="Group"/>
/// and receives byte-identical MESSAGE frames.
/// </summary>
/// <param name="Destination">The STOMP destination, exactly as clients wrote it.</param>
/// <param name="SubscriptionId">The client-chosen subscription id (stompjs: <c>sub-0</c>, <c>sub-1</c>, …).</param>
/// <param name="AckMode">The ack mode shared by the group's members.</param>
/// <param name="Group">The gateway group name derived from the values above and the members' version (<see cref="StompGroupNames"/>).</param>
/// <param name="ETag">The store's version of the row when read; null on routes built for writing.</param>
/// <param name="Pattern">
/// The wildcard pattern the subscription named (<c>/topic/stocks.*</c>) when the route lives in the wildcard index
/// rather than under its own destination; null for every other route. Stores keep it as it is.
/// </param>
public sealed record StompRoute(string Destination, string SubscriptionId, StompAckMode AckMode, string Group, string? ETag = null, string? Pattern = null)
{
    /// <summary>The version whose rules the group's MESSAGE frames follow, read from <see cref="Group"/> (stores keep nothing more).</summary>
    public StompVersion Version => StompGroupNames.VersionOf(Group);
}
