namespace StompFunctions.Broker.Routing;

/// <summary>
/// Finds the handler for a destination among registered templates. The most specific template wins:
/// more literal segments first, then templates without a catch-all, then registration order.
/// </summary>
internal sealed class DestinationRouter<THandler>
    where THandler : class
{
    private readonly (DestinationTemplate Template, THandler Handler)[] _routes;

    public DestinationRouter(IEnumerable<(DestinationTemplate Template, THandler Handler)> routes)
    {
        _routes = [.. routes
            .Select((route, index) => (route, index))
            .OrderByDescending(r => r.route.Template.LiteralCount)
            .ThenBy(r => r.route.Template.HasCatchAll)
            .ThenByDescending(r => r.route.Template.SegmentCount)
            .ThenBy(r => r.index)
            .Select(r => r.route)];
    }

    public bool IsEmpty => _routes.Length == 0;

    public bool TryMatch(string destination, out THandler handler, out IReadOnlyDictionary<string, string> values)
    {
        foreach (var (template, candidate) in _routes)
        {
            if (template.TryMatch(destination, out values))
            {
                handler = candidate;
                return true;
            }
        }

        handler = null!;
        values = null!;
        return false;
    }
}
