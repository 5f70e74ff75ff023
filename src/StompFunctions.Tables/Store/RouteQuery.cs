using StompFunctions.Broker.Ports;

namespace StompFunctions.Tables.Store;

/// <summary>One SEND's routes read: a destination's partition, optionally its wildcard index's, and the routes found.</summary>
internal sealed class RouteQuery(string destination, string partition, string index, string filter)
{
    public string Destination { get; } = destination;

    /// <summary>The destination's partition key; rows of any other partition belong to <see cref="Index"/>.</summary>
    public string Partition { get; } = partition;

    public string Index { get; } = index;

    public string Filter { get; } = filter;

    public List<StompRoute> Routes { get; } = [];
}
