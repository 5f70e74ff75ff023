using System.Text;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Tables.Store;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>The routes page reader on answers written out by hand: what it keeps, what it skips, what it refuses.</summary>
public sealed class RouteRowsTests
{
    [Fact]
    public void Rows_of_the_destination_and_of_the_index_are_told_apart_by_partition_key_and_escapes_are_decoded()
    {
        var query = new RouteQuery("/topic/a", "!2Ftopic!2Fa", "wildcards:/topic/", "(filter)");

        RouteRows.ReadPage(Page("""
            {"odata.metadata":"http://x/$metadata#routes","value":[
              {"odata.etag":"W/\"1\"","PartitionKey":"!2Ftopic!2Fa","RowKey":"r|g1","Timestamp":"2026-12-06T06:42:35Z","SubscriptionId":"s\u00271","AckMode":0,"Group":"g1"},
              {"odata.etag":"W/\"2\"","PartitionKey":"wildcards:!2Ftopic!2F","SubscriptionId":"w","AckMode":2,"AckMode@odata.type":"Edm.Int32","Group":"g2","Pattern":"/topic/#","Big@odata.type":"Edm.Int64","Big":"5","Nested":{"a":[1,2]}}
            ]}
            """), query);

        Assert.Equal(
            [
                new StompRoute("/topic/a", "s'1", StompAckMode.Auto, "g1", "W/\"1\""),
                new StompRoute("wildcards:/topic/", "w", StompAckMode.ClientIndividual, "g2", "W/\"2\"", "/topic/#"),
            ],
            query.Routes);
    }

    [Fact]
    public void An_empty_page_adds_nothing()
    {
        var query = new RouteQuery("/topic/a", "p", "/topic/a", "(filter)");

        RouteRows.ReadPage(Page("""{"value":[]}"""), query);

        Assert.Empty(query.Routes);
    }

    [Theory]
    [InlineData("""{"value":[{"PartitionKey":"p","AckMode":0,"Group":"g"}]}""", "SubscriptionId")]
    [InlineData("""{"value":[{"PartitionKey":"p","SubscriptionId":"s","Group":"g"}]}""", "AckMode")]
    [InlineData("""{"value":[{"PartitionKey":"p","SubscriptionId":"s","AckMode":"0","Group":"g"}]}""", "AckMode")]
    [InlineData("""{"value":[{"PartitionKey":"p","SubscriptionId":"s","AckMode":0}]}""", "Group")]
    public void A_row_without_a_property_the_store_writes_is_refused_naming_it(string json, string column)
    {
        var e = Assert.Throws<InvalidDataException>(() => RouteRows.ReadPage(Page(json), new RouteQuery("d", "p", "d", "f")));

        Assert.Contains(column, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"value":[{"PartitionKey":"p","SubscriptionId":"s","AckMode":0,"Group":"g"}""")]
    [InlineData("""{"value":[{"PartitionKey":"p",""")]
    [InlineData("<html>busy</html>")]
    [InlineData("[]")]
    public void A_truncated_or_foreign_answer_is_invalid_data(string json)
    {
        Assert.Throws<InvalidDataException>(() => RouteRows.ReadPage(Page(json), new RouteQuery("d", "p", "d", "f")));
    }

    private static ReadOnlyMemory<byte> Page(string json) => Encoding.UTF8.GetBytes(json);
}
