using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using StompFunctions.Functions.Tests.Infrastructure;

namespace StompFunctions.Functions.Tests.Triggers;

/// <summary>EventGridFunction, the Event Grid webhook, with deliveries built by Azure.Messaging.EventGrid itself.</summary>
[Collection(FunctionsStackCollection.Name)]
public sealed class EventGridFunctionTests(FunctionsStackFixture stack) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task The_CloudEvents_validation_request_is_answered_for_Event_Grid()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, stack.Server.Url("eventgrid"));
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
    }

    [Fact]
    public async Task The_SubscriptionValidationEvent_is_answered_with_its_validation_code()
    {
        var validation = new EventGridEvent(
            "",
            SystemEventNames.EventGridSubscriptionValidation,
            "2",
            BinaryData.FromObjectAsJson(new { validationCode = "c0de-42", validationUrl = "https://rp.eventgrid.azure.net/validate" }));

        using var response = await PostAsync(JsonSerializer.Serialize(new[] { validation }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = await response.Content.ReadFromJsonAsync<JsonDocument>();
        Assert.Equal("c0de-42", answer!.RootElement.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task A_CloudEvent_reaches_the_subscribers_of_its_type_destination()
    {
        await using var subscriber = await StompSocket.ConnectAsync(_http, stack.Server.Url("negotiate"));
        await subscriber.SubscribeAsync("/topic/events/Contoso.Functions.Created");
        var cloudEvent = new CloudEvent("/contoso/orders", "Contoso.Functions.Created", new { order = 7 }) { Subject = "orders/7" };

        using var response = await PostAsync(JsonSerializer.Serialize(new[] { cloudEvent }));
        var message = await subscriber.ReceiveAsync();
        await subscriber.CloseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("MESSAGE\n", message, StringComparison.Ordinal);
        Assert.Contains("\nce-type:Contoso.Functions.Created\n", message, StringComparison.Ordinal);
        Assert.Contains("\nce-subject:orders/7\n", message, StringComparison.Ordinal);
        Assert.EndsWith("""{"order":7}""" + "\0", message, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _http.PostAsync(stack.Server.Url("eventgrid"), new StringContent(json, Encoding.UTF8, "application/json"));

    public void Dispose() => _http.Dispose();
}
