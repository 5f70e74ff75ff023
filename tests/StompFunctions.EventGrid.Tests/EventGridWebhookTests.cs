using System.Text;
using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker.Ports;
using StompFunctions.EventGrid.Webhook;

namespace StompFunctions.EventGrid.Tests;

/// <summary>The webhook Event Grid calls, driven with deliveries built by Azure.Messaging.EventGrid itself.</summary>
public sealed class EventGridWebhookTests
{
    [Fact]
    public async Task The_CloudEvents_validation_request_from_Event_Grid_is_answered_with_its_origin()
    {
        var context = Request("OPTIONS");
        context.Request.Headers["WebHook-Request-Origin"] = "eventgrid.azure.net";

        await Handler(new RecordingPublisher(1)).HandleAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("eventgrid.azure.net", context.Response.Headers["WebHook-Allowed-Origin"].ToString());
        Assert.Equal("*", context.Response.Headers["WebHook-Allowed-Rate"].ToString());
    }

    [Theory]
    [InlineData(null, 400)]
    [InlineData("attacker.example", 403)]
    public async Task A_validation_request_without_an_allowed_origin_is_refused(string? origin, int status)
    {
        var context = Request("OPTIONS");
        if (origin is not null)
        {
            context.Request.Headers["WebHook-Request-Origin"] = origin;
        }

        await Handler(new RecordingPublisher(1)).HandleAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("WebHook-Allowed-Origin"));
    }

    [Fact]
    public async Task Configured_origins_replace_the_Event_Grid_default()
    {
        var context = Request("OPTIONS");
        context.Request.Headers["WebHook-Request-Origin"] = "events.contoso.example";

        await Handler(new RecordingPublisher(1), o => o.WebhookAllowedOrigins.Add("events.contoso.example")).HandleAsync(context);

        Assert.Equal("events.contoso.example", context.Response.Headers["WebHook-Allowed-Origin"].ToString());
    }

    [Fact]
    public async Task The_Event_Grid_schema_SubscriptionValidationEvent_is_answered_with_its_code_and_published_nowhere()
    {
        var publisher = new RecordingPublisher(1);
        var validation = new EventGridEvent(
            "",
            SystemEventNames.EventGridSubscriptionValidation,
            "2",
            BinaryData.FromObjectAsJson(new { validationCode = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6", validationUrl = "https://rp-eastus2.eventgrid.azure.net/validate?id=1" }));
        var context = Request("POST", Serialize(new[] { validation }));
        context.Request.Headers["aeg-event-type"] = "SubscriptionValidation";

        await Handler(publisher).HandleAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", ResponseJson(context).GetProperty("validationResponse").GetString());
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task A_CloudEvents_batch_is_published_through_the_ingress()
    {
        var publisher = new RecordingPublisher(3);
        var events = new[]
        {
            new CloudEvent("/orders", "Orders.Created", new { order = 42 }) { Id = "c1", Subject = "orders/42" },
            new CloudEvent("/orders", "Orders.Shipped", BinaryData.FromString("shipped"), "text/plain") { Id = "c2" },
        };
        var context = Request("POST", Serialize(events));

        await Handler(publisher).HandleAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        var summary = ResponseJson(context);
        Assert.Equal(2, summary.GetProperty("messages").GetInt32());
        Assert.Equal(6, summary.GetProperty("routes").GetInt32());
        Assert.Equal(["/topic/events/Orders.Created", "/topic/events/Orders.Shipped"], publisher.Published.Select(p => p.Destination));
        Assert.Equal("""{"order":42}""", publisher.Published[0].Body);
        Assert.Equal("shipped", publisher.Published[1].Body);
        Assert.Contains(new("ce-subject", "orders/42"), publisher.Published[0].Headers);
    }

    [Fact]
    public async Task An_Event_Grid_schema_notification_is_published_through_the_ingress()
    {
        var publisher = new RecordingPublisher(1);
        var notification = new EventGridEvent("images/cat.png", "Microsoft.Storage.BlobCreated", "1", new { url = "https://acct.blob.core.windows.net/images/cat.png" })
        {
            Topic = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
        };
        var context = Request("POST", Serialize(new[] { notification }));
        context.Request.Headers["aeg-event-type"] = "Notification";

        await Handler(publisher).HandleAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        var message = Assert.Single(publisher.Published);
        Assert.Equal("/topic/events/Microsoft.Storage.BlobCreated", message.Destination);
        Assert.Contains("cat.png", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_delivery_gets_400_which_Event_Grid_does_not_retry()
    {
        var publisher = new RecordingPublisher(1);
        var context = Request("POST", "{ not json");

        await Handler(publisher).HandleAsync(context);

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal(WebhookProblems.Message(WebhookProblem.Unreadable), ResponseText(context));
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task A_delivery_past_1_MiB_gets_413_even_without_a_Content_Length()
    {
        var publisher = new RecordingPublisher(1);
        var context = Request("POST", "[" + new string(' ', EventGridWebhookHandler.MaxDeliveryBytes) + "]");
        context.Request.ContentLength = null;

        await Handler(publisher).HandleAsync(context);

        Assert.Equal(413, context.Response.StatusCode);
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task A_store_outage_gets_503_with_Retry_After_so_Event_Grid_retries()
    {
        var publisher = new RecordingPublisher(1) { Failure = new StompStoreUnavailableException("routes unavailable") };
        var context = Request("POST", Serialize(new[] { new CloudEvent("/s", "T", new { n = 1 }) }));

        await Handler(publisher).HandleAsync(context);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Other_methods_get_405_naming_the_allowed_ones()
    {
        var context = Request("GET");

        await Handler(new RecordingPublisher(1)).HandleAsync(context);

        Assert.Equal(405, context.Response.StatusCode);
        Assert.Equal("OPTIONS, POST", context.Response.Headers.Allow.ToString());
    }

    private static EventGridWebhookHandler Handler(RecordingPublisher publisher, Action<EventGridRoutingOptions>? configure = null)
    {
        var options = new EventGridRoutingOptions();
        configure?.Invoke(options);
        var ingress = new EventGridIngress(Mappings.With(configure), publisher, NullLogger<EventGridIngress>.Instance);
        return new EventGridWebhookHandler(ingress, Options.Create(options), NullLogger<EventGridWebhookHandler>.Instance);
    }

    private static string Serialize<T>(T[] events) => JsonSerializer.Serialize(events);

    private static DefaultHttpContext Request(string method, string? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Response.Body = new MemoryStream();
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        return context;
    }

    private static string ResponseText(HttpContext context) => Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());

    private static JsonElement ResponseJson(HttpContext context) => JsonDocument.Parse(ResponseText(context)).RootElement;
}
