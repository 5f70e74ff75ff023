using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Delivery;

/// <summary>
/// Where <see cref="MessageFanOut"/> finds the routes a message to a destination goes to. Today that is the
/// destination's own routes in the state store (<see cref="StoreRouteSource"/>); a source that adds the
/// routes of matching wildcard subscriptions, or resolves a user destination to that user's routes, takes
/// its place without touching the fan-out.
/// </summary>
internal interface IRouteSource
{
    /// <summary>The routes of <paramref name="destination"/>; an empty list when nobody listens.</summary>
    ValueTask<IReadOnlyList<StompRoute>> GetRoutesAsync(string destination, CancellationToken cancellationToken);
}
