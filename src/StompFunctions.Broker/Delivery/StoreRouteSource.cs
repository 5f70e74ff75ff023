using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Delivery;

/// <summary>
/// The routes of a destination in one store read (one partition query on Table Storage). For a topic that read also
/// takes in the wildcard index (<see cref="TopicWildcards"/>, one query over both partitions on Table Storage), and the
/// pattern routes that match the topic join the destination's own.
/// </summary>
internal sealed class StoreRouteSource(IStompStateStore store) : IRouteSource
{
    public ValueTask<IReadOnlyList<StompRoute>> GetRoutesAsync(string destination, CancellationToken cancellationToken) =>
        TopicWildcards.IsTopic(destination) ? GetTopicRoutesAsync(destination, cancellationToken) : store.GetRoutesAsync(destination, cancellationToken);

    private async ValueTask<IReadOnlyList<StompRoute>> GetTopicRoutesAsync(string destination, CancellationToken cancellationToken)
    {
        var routes = await store.GetRoutesWithIndexAsync(destination, TopicWildcards.IndexDestination, cancellationToken).ConfigureAwait(false);
        if (!HasPatterns(routes))
        {
            return routes;
        }

        var matching = new List<StompRoute>(routes.Count);
        foreach (var route in routes)
        {
            if (route.Pattern is null || TopicWildcards.Matches(route.Pattern, destination))
            {
                matching.Add(route);
            }
        }

        return matching;
    }

    private static bool HasPatterns(IReadOnlyList<StompRoute> routes)
    {
        foreach (var route in routes)
        {
            if (route.Pattern is not null)
            {
                return true;
            }
        }

        return false;
    }
}
