using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Recovery;

/// <summary>
/// The route source of every publish (SEND, the publish API, Event Grid): before the routes are read it lets the
/// notices of <see cref="LostSubscriptionNotices"/> look at the store generation, so that subscribers who send nothing
/// learn that the store lost their routes when someone publishes. No store request while the cached generation is fresh.
/// </summary>
internal sealed class ObservingRouteSource(IRouteSource inner, LostSubscriptionNotices notices) : IRouteSource
{
    public ValueTask<IReadOnlyList<StompRoute>> GetRoutesAsync(string destination, CancellationToken cancellationToken)
    {
        var observing = notices.ObserveAsync(cancellationToken);
        return observing.IsCompletedSuccessfully ? inner.GetRoutesAsync(destination, cancellationToken) : AfterObservingAsync(observing, destination, cancellationToken);
    }

    private async ValueTask<IReadOnlyList<StompRoute>> AfterObservingAsync(ValueTask observing, string destination, CancellationToken cancellationToken)
    {
        await observing.ConfigureAwait(false);
        return await inner.GetRoutesAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}
