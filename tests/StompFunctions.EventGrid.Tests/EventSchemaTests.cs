using System.Text;

namespace StompFunctions.EventGrid.Tests;

public sealed class EventSchemaTests
{
    private const string BlobCreatedCloudEvent = """
        {
          "specversion": "1.0",
          "id": "9aeb0fdf-c01e-0131-0922-9eb54906e209",
          "source": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
          "subject": "/blobServices/default/containers/images/blobs/cat.png",
          "type": "Microsoft.Storage.BlobCreated",
          "time": "2026-11-23T18:00:00Z",
          "datacontenttype": "application/json",
          "data": { "api": "PutBlob", "contentLength": 524288 }
        }
        """;

    private const string EventGridSchemaBatch = """
        [
          {
            "id": "e1",
            "topic": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Resources/resourceGroups/rg",
            "subject": "orders/42",
            "eventType": "Contoso.Orders.Created",
            "eventTime": "2026-11-23T18:01:00Z",
            "dataVersion": "1.0",
            "data": { "order": 42 }
          },
          {
            "id": "e2",
            "topic": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Resources/resourceGroups/rg",
            "subject": "orders/43",
            "eventType": "Contoso.Orders.Shipped",
            "eventTime": "2026-11-23T18:02:00Z",
            "dataVersion": "1.0",
            "data": [1, 2, 3]
          }
        ]
        """;

    [Fact]
    public void A_CloudEvent_becomes_one_message_whose_body_is_its_data_and_whose_headers_name_the_event()
    {
        var result = Mappings.With().Map(Mappings.Json(BlobCreatedCloudEvent));

        Assert.True(result.IsValid);
        var message = Assert.Single(result.Publications);
        Assert.Equal("/topic/events/Microsoft.Storage.BlobCreated", message.Destination);
        Assert.Equal("application/json", message.ContentType);
        // The SDK re-serializes JSON data compactly: same JSON, not the same whitespace.
        Assert.Equal("""{"api":"PutBlob","contentLength":524288}""", Encoding.UTF8.GetString(message.Body.Span));
        Assert.Equal(
            [
                new("ce-id", "9aeb0fdf-c01e-0131-0922-9eb54906e209"),
                new("ce-type", "Microsoft.Storage.BlobCreated"),
                new("ce-source", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct"),
                new("ce-subject", "/blobServices/default/containers/images/blobs/cat.png"),
                new("ce-time", "2026-11-23T18:00:00.0000000+00:00"),
            ],
            message.Headers);
    }

    [Fact]
    public void An_Event_Grid_schema_batch_becomes_one_message_per_event_in_order_with_the_topic_as_source()
    {
        var result = Mappings.With().Map(Mappings.Json(EventGridSchemaBatch));

        Assert.Equal(2, result.EventCount);
        Assert.Collection(
            result.Publications,
            first =>
            {
                Assert.Equal("/topic/events/Contoso.Orders.Created", first.Destination);
                Assert.Equal("application/json", first.ContentType);
                Assert.Equal("""{"order":42}""", Encoding.UTF8.GetString(first.Body.Span));
                Assert.Contains(new("ce-source", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Resources/resourceGroups/rg"), first.Headers);
            },
            second => Assert.Equal("/topic/events/Contoso.Orders.Shipped", second.Destination));
    }

    [Fact]
    public void A_CloudEvent_batch_is_read_as_CloudEvents()
    {
        var result = Mappings.With().Map(Mappings.Json($"[{BlobCreatedCloudEvent},{BlobCreatedCloudEvent.Replace("9aeb0fdf", "00000000", StringComparison.Ordinal)}]"));

        Assert.Equal(2, result.EventCount);
        Assert.All(result.Publications, p => Assert.Equal("/topic/events/Microsoft.Storage.BlobCreated", p.Destination));
    }

    [Fact]
    public void Text_data_of_a_CloudEvent_is_the_text_itself_not_a_quoted_JSON_string()
    {
        var result = Mappings.With().Map(Mappings.Json("""
            { "specversion": "1.0", "id": "1", "source": "/s", "type": "t", "datacontenttype": "text/plain", "data": "hello \"you\"" }
            """));

        var message = Assert.Single(result.Publications);
        Assert.Equal("text/plain", message.ContentType);
        Assert.Equal("hello \"you\"", Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public void Binary_data_of_a_CloudEvent_arrives_byte_for_byte_including_NUL_and_non_UTF8_octets()
    {
        byte[] bytes = [0x00, 0xFF, 0xFE, 0x0A, 0x00];
        var result = Mappings.With().Map(Mappings.Json($$"""
            { "specversion": "1.0", "id": "1", "source": "/s", "type": "t", "datacontenttype": "application/octet-stream", "data_base64": "{{Convert.ToBase64String(bytes)}}" }
            """));

        var message = Assert.Single(result.Publications);
        Assert.Equal("application/octet-stream", message.ContentType);
        Assert.Equal(bytes, message.Body.ToArray());
    }

    [Fact]
    public void A_CloudEvent_without_data_becomes_a_message_with_an_empty_body()
    {
        var result = Mappings.With().Map(Mappings.Json("""{ "specversion": "1.0", "id": "1", "source": "/s", "type": "t" }"""));

        Assert.True(Assert.Single(result.Publications).Body.IsEmpty);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("[1, 2]")]
    [InlineData("""{ "specversion": "1.0", "source": "/s", "type": "t" }""")]
    [InlineData("""{ "id": "1", "subject": "s", "data": {} }""")]
    public void An_unreadable_delivery_is_reported_with_its_reason_and_publishes_nothing(string payload)
    {
        var result = Mappings.With().Map(Mappings.Json(payload));

        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Empty(result.Publications);
    }
}
