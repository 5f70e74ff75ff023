using System.Net;
using System.Text;
using System.Text.Json;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.EndToEnd;

/// <summary>The upstream endpoint over real HTTP, with events crafted as the service sends them.</summary>
[Collection(StompStackCollection.Name)]
public sealed class UpstreamEndpointTests
{
    private static readonly byte[] Connect = Encoding.UTF8.GetBytes("CONNECT\naccept-version:1.2\nhost:/\n\n\0");
    private readonly StompStackFixture _stack;
    private readonly HttpClient _http = new();

    public UpstreamEndpointTests(StompStackFixture stack) => _stack = stack;

    private Uri Message => new(_stack.UpstreamUrl.AbsoluteUri + "/message");

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong-key")]
    [InlineData("replayed-from-another-connection")]
    [InlineData("malformed")]
    public async Task An_event_without_a_valid_signature_is_rejected_with_401_and_changes_nothing(string variant)
    {
        var connectionId = "sig-" + variant;
        var state = await ConnectAsync(connectionId);
        var signature = variant switch
        {
            "missing" => null,
            "wrong-key" => UpstreamRequests.Signature("not-the-key", connectionId),
            "replayed-from-another-connection" => UpstreamRequests.Signature(_stack.AccessKey, "some-other-connection"),
            _ => "sha256=xyz",
        };
        var destination = "/topic/unsigned-" + variant;
        var subscribe = Encoding.UTF8.GetBytes($"SUBSCRIBE\nid:0\ndestination:{destination}\nreceipt:r\n\n\0");

        using var response = await _http.SendAsync(UpstreamRequests.Message(Message, connectionId, signature, subscribe, state));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("ce-connectionState"));
        Assert.Empty(await _stack.Store.GetRoutesAsync(destination, CancellationToken.None));
    }

    [Fact]
    public async Task A_signed_request_carrying_a_state_the_server_did_not_issue_is_refused_with_401_and_changes_nothing()
    {
        // A genuine state of connection A, and a hand-made one naming another user, both presented by connection B.
        var issuedForA = await ConnectAsync("state-a");
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"f\":1,\"c\":1,\"v\":12,\"u\":\"admin\"}"));
        var destination = "/topic/forged-state";
        var subscribe = Encoding.UTF8.GetBytes($"SUBSCRIBE\nid:0\ndestination:{destination}\nreceipt:r\n\n\0");

        foreach (var state in new[] { issuedForA!, forged, issuedForA![..^2] + "xx" })
        {
            using var response = await _http.SendAsync(UpstreamRequests.Message(Message, "state-b", UpstreamRequests.Signature(_stack.AccessKey, "state-b"), subscribe, state));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.False(response.Headers.Contains("ce-connectionState"));
        }

        Assert.Empty(await _stack.Store.GetRoutesAsync(destination, CancellationToken.None));
    }

    [Fact]
    public async Task The_state_goes_out_sealed_for_its_connection_and_comes_back_in()
    {
        var state = await ConnectAsync("state-round-trip");
        var send = Encoding.UTF8.GetBytes("SEND\ndestination:/topic/sealed\nreceipt:r\n\nx\0");

        using var response = await _http.SendAsync(UpstreamRequests.Message(Message, "state-round-trip", UpstreamRequests.Signature(_stack.AccessKey, "state-round-trip"), send, state));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("RECEIPT\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]{22}\\.", state);
    }

    [Fact]
    public async Task A_signature_made_with_the_secondary_key_form_of_a_list_is_accepted()
    {
        var connectionId = "sig-list";
        var signature = UpstreamRequests.Signature("old-key", connectionId) + ", " + UpstreamRequests.Signature(_stack.AccessKey, connectionId).ToUpperInvariant();

        using var response = await _http.SendAsync(UpstreamRequests.Message(Message, connectionId, signature, Connect));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("CONNECTED\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_for_another_hub_is_rejected_with_400()
    {
        using var response = await _http.SendAsync(UpstreamRequests.Message(Message, "c-hub", UpstreamRequests.Signature(_stack.AccessKey, "c-hub"), Connect, hub: "otherhub"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_request_that_is_not_a_cloud_event_gets_400_and_a_get_gets_405()
    {
        using var notAnEvent = await _http.PostAsync(Message, new StringContent("hello"));
        using var get = await _http.GetAsync(Message);

        Assert.Equal(HttpStatusCode.BadRequest, notAnEvent.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task The_abuse_protection_preflight_allows_the_configured_service_and_refuses_others()
    {
        var origin = $"{_stack.Emulator.Endpoint.Host}:{_stack.Emulator.Endpoint.Port}";

        using var allowed = await SendOptionsAsync(origin);
        using var refused = await SendOptionsAsync("evil.example");
        using var missing = await SendOptionsAsync(null);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(origin, allowed.Headers.GetValues("WebHook-Allowed-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("WebHook-Allowed-Origin"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_failure_still_answers_200_with_an_ERROR_frame_and_keeps_the_last_good_state()
    {
        var connectionId = "boom";
        var state = await ConnectAsync(connectionId);
        var send = Encoding.UTF8.GetBytes("SEND\ndestination:/topic/boom\n\nx\0");
        _stack.Store.Fail = true;
        try
        {
            using var response = await _http.SendAsync(UpstreamRequests.Message(Message, connectionId, UpstreamRequests.Signature(_stack.AccessKey, connectionId), send, state));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("ERROR\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("ce-connectionState"));
        }
        finally
        {
            _stack.Store.Fail = false;
        }
    }

    [Fact]
    public async Task STOMP_S18_a_message_over_the_services_limit_gets_an_ERROR_frame_not_a_silent_drop()
    {
        var huge = new byte[(1024 * 1024) + (64 * 1024) + 1];

        using var response = await _http.SendAsync(UpstreamRequests.Message(Message, "c-huge", UpstreamRequests.Signature(_stack.AccessKey, "c-huge"), huge));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("ERROR\nmessage:frame too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heart_beat_only_message_is_answered_204_without_touching_the_state()
    {
        var connectionId = "c-beat";
        var state = await ConnectAsync(connectionId);

        using var response = await _http.SendAsync(UpstreamRequests.Message(Message, connectionId, UpstreamRequests.Signature(_stack.AccessKey, connectionId), "\n"u8.ToArray(), state));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.Contains("ce-connectionState"));
    }

    [Fact]
    public async Task STOMP_S10_a_binary_message_whose_body_holds_NUL_and_non_utf8_octets_is_accepted()
    {
        var connectionId = "c-bin";
        var state = await ConnectAsync(connectionId);
        var send = Encoding.UTF8.GetBytes("SEND\ndestination:/topic/bin-self\ncontent-length:2\nreceipt:r\n\n").Concat(new byte[] { 0xff, 0x00, 0x00 }).ToArray();
        using var response = await _http.SendAsync(UpstreamRequests.Message(Message, connectionId, UpstreamRequests.Signature(_stack.AccessKey, connectionId), send, state, contentType: "application/octet-stream"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("RECEIPT", Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connected_and_disconnected_events_are_acknowledged_with_204()
    {
        using var connected = await _http.SendAsync(UpstreamRequests.System(new Uri(_stack.UpstreamUrl.AbsoluteUri + "/connected"), "connected", "c-life", UpstreamRequests.Signature(_stack.AccessKey, "c-life")));
        using var disconnected = await _http.SendAsync(UpstreamRequests.System(new Uri(_stack.UpstreamUrl.AbsoluteUri + "/disconnected"), "disconnected", "c-life", UpstreamRequests.Signature(_stack.AccessKey, "c-life"), "{\"reason\":\"bye\"}"));

        Assert.Equal(HttpStatusCode.NoContent, connected.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, disconnected.StatusCode);
    }

    [Fact]
    public async Task Negotiate_returns_a_client_url_for_the_user_the_hook_chooses()
    {
        using var response = await _http.GetAsync(new Uri(_stack.NegotiateUrl, "?user=zoe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var url = new Uri(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!);
        Assert.Equal("ws", url.Scheme);
        Assert.Equal(_stack.Emulator.Endpoint.Port, url.Port);
        Assert.Equal("/client/hubs/stomp", url.AbsolutePath);
        var token = System.Web.HttpUtility.ParseQueryString(url.Query)["access_token"]!;
        Assert.Equal("zoe", Jwt.Payload(token).GetProperty("sub").GetString());
    }

    private async Task<string?> ConnectAsync(string connectionId)
    {
        using var response = await _http.SendAsync(UpstreamRequests.Message(Message, connectionId, UpstreamRequests.Signature(_stack.AccessKey, connectionId), Connect));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("CONNECTED\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return response.Headers.TryGetValues("ce-connectionState", out var values) ? values.Single() : null;
    }

    private async Task<HttpResponseMessage> SendOptionsAsync(string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(_stack.UpstreamUrl.AbsoluteUri + "/validate"));
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("WebHook-Request-Origin", origin);
        }

        return await _http.SendAsync(request);
    }
}
