using StompFunctions.Rest;
using StompFunctions.Tables.Keys;

namespace StompFunctions.Tables.Store;

/// <summary>
/// How a SEND asks for a destination's routes: its partition key and the range filter of its route rows, alone or
/// together with the wildcard index's (<see cref="TableStateStore.GetRoutesWithIndexAsync"/>). Both are made once per
/// destination; they follow from the name alone, so nothing the store holds is kept here.
/// </summary>
internal sealed class RouteFilters
{
    private readonly BoundedMap<RouteFilter> _own = new(static destination => Own(destination));
    private Indexed? _indexed;

    /// <summary>The destination's own route rows.</summary>
    public RouteFilter For(string destination) => _own.Get(destination);

    /// <summary>The destination's route rows and those of <paramref name="index"/>, in one query over both partitions.</summary>
    public RouteFilter WithIndex(string destination, string index)
    {
        // The engine reads one index (the topic wildcards'); another one is served, just not kept.
        var indexed = _indexed ??= new Indexed(index);
        return string.Equals(indexed.Index, index, StringComparison.Ordinal)
            ? indexed.Filters.Get(destination)
            : Indexed.Make(destination, index, RangeFilter(TableStateStore.DestinationKey(index)));
    }

    private static RouteFilter Own(string destination)
    {
        var partition = TableStateStore.DestinationKey(destination);
        return new RouteFilter(partition, destination, RangeFilter(partition));
    }

    private sealed class Indexed
    {
        public Indexed(string index)
        {
            var indexFilter = RangeFilter(TableStateStore.DestinationKey(index));
            Index = index;
            Filters = new(destination => Make(destination, index, indexFilter));
        }

        public string Index { get; }

        public BoundedMap<RouteFilter> Filters { get; }

        public static RouteFilter Make(string destination, string index, string indexFilter)
        {
            var own = Own(destination);
            return own with { Index = index, Filter = string.Concat("(", own.Filter, ") or (", indexFilter, ")") };
        }
    }

    private static string RangeFilter(string partition) =>
        string.Concat("PartitionKey eq '", TableStateStore.Quote(partition), "' and RowKey ge '", TableKeys.RoutePrefix, "' and RowKey lt '", TableKeys.RouteRangeEnd, "'");
}

/// <summary>A routes query: the destination's partition key, the destination whose rows the other partition holds, and the filter.</summary>
internal sealed record RouteFilter(string Partition, string Index, string Filter);
