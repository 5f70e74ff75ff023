using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Delivery;

/// <summary>The exact destination's routes, in one store read (one partition query on Table Storage).</summary>
internal sealed class StoreRouteSource(IStompStateStore store) : IRouteSource
{
    public ValueTask<IReadOnlyList<StompRoute>> GetRoutesAsync(string destination, CancellationToken cancellationToken) =>
        store.GetRoutesAsync(destination, cancellationToken);
}
