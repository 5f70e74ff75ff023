using System.Net;
using System.Text.Json;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.EndToEnd;

/// <summary>The upstream <c>connect</c> event over real HTTP: subprotocol choice, the connect hook, malformed bodies.</summary>
[Collection(StompStackCollection.Name)]
public sealed class UpstreamConnectEventTests(StompStackFixture stack)
{
    private readonly HttpClient _http = new();

    private Uri ConnectUrl => new(stack.UpstreamUrl.AbsoluteUri + "/connect");

    [Theory]
    [InlineData("[\"v10.stomp\",\"v12.stomp\",\"v11.stomp\"]", "v12.stomp")]
    [InlineData("[\"json.webpubsub.azure.v1\",\"v11.stomp\"]", "v11.stomp")]
    [InlineData("[]", null)]
    public async Task STOMP_S65_connect_accepts_the_highest_offered_stomp_subprotocol_or_none(string offered, string? expected)
    {
        using var response = await _http.SendAsync(UpstreamRequests.Connect(ConnectUrl, "c-sub", UpstreamRequests.Signature(stack.AccessKey, "c-sub"), $"{{\"claims\":{{\"sub\":[\"ann\"]}},\"subprotocols\":{offered}}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(expected, body.TryGetProperty("subprotocol", out var chosen) ? chosen.GetString() : null);
        Assert.Equal("ann", body.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task Connect_refuses_a_client_that_offers_only_non_stomp_subprotocols()
    {
        using var response = await _http.SendAsync(UpstreamRequests.Connect(ConnectUrl, "c-json", UpstreamRequests.Signature(stack.AccessKey, "c-json"), "{\"subprotocols\":[\"json.webpubsub.azure.v1\"]}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_connect_hook_can_reject_the_handshake()
    {
        using var response = await _http.SendAsync(UpstreamRequests.Connect(ConnectUrl, "c-deny", UpstreamRequests.Signature(stack.AccessKey, "c-deny"), "{\"query\":{\"deny\":[\"1\"]},\"subprotocols\":[\"v12.stomp\"]}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("denied by the connect hook", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_malformed_connect_body_gets_400()
    {
        using var response = await _http.SendAsync(UpstreamRequests.Connect(ConnectUrl, "c-bad", UpstreamRequests.Signature(stack.AccessKey, "c-bad"), "[1,2"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
