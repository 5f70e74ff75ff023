using StompFunctions.Tables.Keys;
using StompFunctions.Tables.Store;

namespace StompFunctions.Tables.Tests.Store;

public sealed class RouteFiltersTests
{
    private const string Index = "wildcards:/topic/";

    [Fact]
    public void A_destinations_filter_is_the_range_of_its_route_rows_and_is_made_once()
    {
        var filters = new RouteFilters();
        var partition = TableKeys.DestinationPartition("/topic/it's");

        var filter = filters.For("/topic/it's");

        Assert.Same(filter, filters.For("/topic/it's"));
        Assert.Equal(partition, filter.Partition);
        Assert.Equal("/topic/it's", filter.Index);
        Assert.Equal(Range(partition), filter.Filter);
    }

    [Fact]
    public void With_the_index_one_filter_covers_both_partitions_and_another_index_is_served_too()
    {
        var filters = new RouteFilters();

        var filter = filters.WithIndex("/topic/a", Index);
        var other = filters.WithIndex("/topic/a", "/topic/other-index");

        Assert.Same(filter, filters.WithIndex("/topic/a", Index));
        Assert.Equal(Index, filter.Index);
        Assert.Equal($"({Range(TableKeys.DestinationPartition("/topic/a"))}) or ({Range(TableKeys.DestinationPartition(Index))})", filter.Filter);
        Assert.Equal("/topic/other-index", other.Index);
        Assert.EndsWith($"({Range(TableKeys.DestinationPartition("/topic/other-index"))})", other.Filter, StringComparison.Ordinal);
    }

    private static string Range(string partition) =>
        $"PartitionKey eq '{TableStateStore.Quote(partition)}' and RowKey ge '{TableKeys.RoutePrefix}' and RowKey lt '{TableKeys.RouteRangeEnd}'";
}
