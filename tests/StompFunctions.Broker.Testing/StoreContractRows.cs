using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Testing;

/// <summary>Fresh names and rows for the store contract suites, so tests never collide on a shared store.</summary>
internal static class StoreContractRows
{
    /// <summary>A destination no other test (or earlier run against a persistent store) uses.</summary>
    public static string NewDestination() => $"/topic/contract-{Guid.NewGuid():N}";

    /// <summary>A connection id no other test uses.</summary>
    public static string NewConnection() => $"conn-{Guid.NewGuid():N}";

    /// <summary>A route whose group is derived the way the engine derives it.</summary>
    public static StompRoute NewRoute(string destination, string subscriptionId, StompAckMode ackMode) =>
        new(destination, subscriptionId, ackMode, StompGroupNames.For(destination, subscriptionId, ackMode));

    /// <summary>A member of the route's group.</summary>
    public static StompMember MemberOf(StompRoute route, string connectionId, string? userId = null) =>
        new(route.Destination, route.Group, connectionId, userId);
}
