using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StompFunctions.Functions.Tests.Infrastructure;

namespace StompFunctions.Functions.Tests.Triggers;

/// <summary>PublishFunction: an HTTP POST becomes a MESSAGE for every subscriber, through Table Storage and the emulator.</summary>
[Collection(FunctionsStackCollection.Name)]
public sealed class PublishFunctionTests(FunctionsStackFixture stack) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task STOMP_S53_S55_a_published_body_reaches_the_subscriber_with_its_content_type_and_stomp_headers()
    {
        const string destination = "/topic/functions.publish";
        await using var subscriber = await StompSocket.ConnectAsync(_http, stack.Server.Url("negotiate"));
        await subscriber.SubscribeAsync(destination);
        using var request = new HttpRequestMessage(HttpMethod.Post, stack.Server.Url("publish" + destination))
        {
            Content = new StringContent("""{"price":42}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("stomp-priority", "high");

        using var response = await _http.SendAsync(request);
        var message = await subscriber.ReceiveAsync();
        await subscriber.CloseAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var answer = await response.Content.ReadFromJsonAsync<JsonDocument>();
        Assert.Equal(1, answer!.RootElement.GetProperty("routes").GetInt32());
        Assert.StartsWith("MESSAGE\n", message, StringComparison.Ordinal);
        Assert.Contains($"\ndestination:{destination}\n", message, StringComparison.Ordinal);
        Assert.Contains("\ncontent-type:application/json; charset=utf-8\n", message, StringComparison.Ordinal);
        Assert.Contains("\npriority:high\n", message, StringComparison.Ordinal);
        Assert.EndsWith("""{"price":42}""" + "\0", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_destination_a_SEND_could_not_fan_out_to_is_refused_with_400()
    {
        using var response = await _http.PostAsync(stack.Server.Url("publish/app/chat/lobby"), new StringContent("x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public void Dispose() => _http.Dispose();
}
