using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.InMemory;

/// <summary>
/// The rows of one destination, guarded by one lock like a Table Storage partition in an entity-group
/// transaction. Readers of the routes get an immutable array rebuilt on change, so SEND never copies.
/// </summary>
internal sealed class DestinationPartition
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StompRoute> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Group, string ConnectionId), StompMember> _members = [];
    private StompRoute[] _routeSnapshot = [];
    private bool _retired;

    public IReadOnlyList<StompRoute> Routes => Volatile.Read(ref _routeSnapshot);

    /// <summary>Adds the route and member; false when the partition was retired and the caller must retry.</summary>
    public bool TryAdd(StompRoute route, StompMember member)
    {
        lock (_lock)
        {
            if (_retired)
            {
                return false;
            }

            _routes[route.Group] = route;
            _members[(member.Group, member.ConnectionId)] = member;
            PublishRoutes();
            return true;
        }
    }

    public StoreOutcome RemoveMember(string group, string connectionId, out bool nowEmpty)
    {
        lock (_lock)
        {
            var removed = _members.Remove((group, connectionId));
            nowEmpty = RetireIfEmpty();
            return removed ? StoreOutcome.Ok : StoreOutcome.NotFound;
        }
    }

    public StoreOutcome DeleteRoute(string group, string etag, out bool nowEmpty)
    {
        lock (_lock)
        {
            nowEmpty = false;
            if (!_routes.TryGetValue(group, out var route))
            {
                return StoreOutcome.NotFound;
            }

            if (!string.Equals(route.ETag, etag, StringComparison.Ordinal))
            {
                return StoreOutcome.Conflict;
            }

            _routes.Remove(group);
            PublishRoutes();
            nowEmpty = RetireIfEmpty();
            return StoreOutcome.Ok;
        }
    }

    public DestinationSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new DestinationSnapshot(_routeSnapshot, [.. _members.Values]);
        }
    }

    private void PublishRoutes() => Volatile.Write(ref _routeSnapshot, [.. _routes.Values]);

    private bool RetireIfEmpty()
    {
        if (_routes.Count == 0 && _members.Count == 0)
        {
            _retired = true;
        }

        return _retired;
    }
}
