using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>The client endpoint: tokens, anonymous policy, the blocking connect event and the handshake answer.</summary>
public sealed class ClientHandshakeTests
{
    [Fact]
    public async Task Connect_without_token_is_refused_with_401_when_the_hub_denies_anonymous()
    {
        await using var stack = await TestStack.StartAsync();

        var status = await HandshakeStatusAsync(stack, stack.ClientUri(token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Anonymous_connect_is_accepted_when_the_hub_allows_it_and_the_connect_event_has_no_claims()
    {
        await using var stack = await TestStack.StartAsync();
        stack.HubOptions.AnonymousConnectPolicy = AnonymousConnectPolicy.Allow;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(stack.ClientUri(token: null), CancellationToken.None);
        var connect = await stack.Upstream.NextAsync("connect");

        using var body = JsonDocument.Parse(connect.Body);
        Assert.Empty(body.RootElement.GetProperty("claims").EnumerateObject());
        Assert.Null(connect.Header("ce-userId"));
    }

    [Theory]
    [InlineData("wrong-key", 60, "chat")]
    [InlineData(WebPubSubEmulatorOptions.DevelopmentAccessKey, -10, "chat")]
    [InlineData(WebPubSubEmulatorOptions.DevelopmentAccessKey, 60, "otherhub")]
    public async Task Token_with_bad_signature_expired_or_for_another_hub_is_refused_with_401(string key, int lifetimeMinutes, string audienceHub)
    {
        await using var stack = await TestStack.StartAsync();
        var token = TestTokens.Client(stack.Emulator.Endpoint, audienceHub, "alice", key: key, lifetime: TimeSpan.FromMinutes(lifetimeMinutes));

        var status = await HandshakeStatusAsync(stack, stack.ClientUri(token));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Token_signed_with_the_secondary_key_is_accepted()
    {
        await using var stack = await TestStack.StartAsync(configure: o => o.SecondaryAccessKey = "second-key");
        var token = TestTokens.Client(stack.Emulator.Endpoint, TestStack.Hub, "alice", key: "second-key");

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(stack.ClientUri(token), CancellationToken.None);

        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Unknown_hub_is_refused_with_404_and_an_invalid_hub_name_with_400()
    {
        await using var stack = await TestStack.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, await HandshakeStatusAsync(stack, stack.ClientUri("x", hub: "nohub")));
        Assert.Equal(HttpStatusCode.BadRequest, await HandshakeStatusAsync(stack, stack.ClientUri("x", hub: "9bad")));
    }

    [Fact]
    public async Task Connect_event_is_a_signed_binary_mode_cloud_event_with_claims_query_headers_and_subprotocols()
    {
        await using var stack = await TestStack.StartAsync(configure: o => o.SecondaryAccessKey = "second-key");
        stack.Upstream.Reply = r => Task.FromResult(r.Event == "connect" ? UpstreamReply.Json("""{"subprotocol":"v12.stomp"}""") : UpstreamReply.Ok);

        using var socket = await stack.ConnectAsync("alice", ["v12.stomp", "v11.stomp"], "&room=lobby");
        var connect = await stack.Upstream.NextAsync("connect");

        var connectionId = connect.Header("ce-connectionId")!;
        Assert.Equal("1.0", connect.Header("ce-specversion"));
        Assert.Equal("1.0", connect.Header("ce-awpsversion"));
        Assert.Equal("azure.webpubsub.sys.connect", connect.Header("ce-type"));
        Assert.Equal("/hubs/chat/client/" + connectionId, connect.Header("ce-source"));
        Assert.Equal("0", connect.Header("ce-id"));
        Assert.Equal("chat", connect.Header("ce-hub"));
        Assert.Equal("connect", connect.Header("ce-eventName"));
        Assert.Equal("alice", connect.Header("ce-userId"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", connect.Header("ce-time"));
        Assert.Equal(stack.Emulator.Endpoint.Authority, connect.Header("WebHook-Request-Origin"));
        Assert.Equal($"sha256={Hmac(WebPubSubEmulatorOptions.DevelopmentAccessKey, connectionId)},sha256={Hmac("second-key", connectionId)}", connect.Header("ce-signature"));
        Assert.StartsWith("application/json", connect.ContentType, StringComparison.Ordinal);

        using var body = JsonDocument.Parse(connect.Body);
        var root = body.RootElement;
        Assert.Equal("alice", root.GetProperty("claims").GetProperty("sub")[0].GetString());
        Assert.Equal("lobby", root.GetProperty("query").GetProperty("room")[0].GetString());
        Assert.False(root.GetProperty("query").TryGetProperty("access_token", out _));
        Assert.Contains(root.GetProperty("headers").EnumerateObject(), h => h.Name.Equals("Sec-WebSocket-Protocol", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["v12.stomp", "v11.stomp"], root.GetProperty("subprotocols").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("v12.stomp", socket.SubProtocol);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_4xx_connect_answer_refuses_the_handshake_with_that_status(int status)
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.Reply = r => Task.FromResult(new UpstreamReply(status));

        Assert.Equal((HttpStatusCode)status, await HandshakeStatusAsync(stack, stack.ClientUri(TestTokens.Client(stack.Emulator.Endpoint, TestStack.Hub, "alice"))));
        Assert.False(stack.Upstream.TryTake(out var extra) && extra.Event == "connected", "a refused connection gets no connected event");
    }

    [Fact]
    public async Task A_4xx_connect_answer_reaches_the_client_with_its_reason_in_the_body()
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.Reply = r => Task.FromResult(new UpstreamReply(400, "text/plain; charset=utf-8", "Accepted WebSocket subprotocols: v12.stomp"u8.ToArray()));
        var uri = new UriBuilder(stack.ClientUri(TestTokens.Client(stack.Emulator.Endpoint, TestStack.Hub, "alice"))) { Scheme = "http" }.Uri;
        using var http = new HttpClient();
        using var upgrade = new HttpRequestMessage(HttpMethod.Get, uri);
        upgrade.Headers.Connection.Add("Upgrade");
        upgrade.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        upgrade.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));
        upgrade.Headers.Add("Sec-WebSocket-Version", "13");
        upgrade.Headers.Add("Sec-WebSocket-Protocol", "mqtt");

        using var response = await http.SendAsync(upgrade);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Accepted WebSocket subprotocols: v12.stomp", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"subprotocol":"v10.stomp"}""")]
    [InlineData("""{"subprotocol":""}""")]
    [InlineData("""{"groups": 5}""")]
    [InlineData("not json")]
    public async Task A_connect_answer_with_an_unoffered_or_blank_subprotocol_or_malformed_json_refuses_with_500(string answer)
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.Reply = r => Task.FromResult(UpstreamReply.Json(answer));
        var uri = stack.ClientUri(TestTokens.Client(stack.Emulator.Endpoint, TestStack.Hub, "alice"));

        Assert.Equal(HttpStatusCode.InternalServerError, await HandshakeStatusAsync(stack, uri, "v12.stomp"));
    }

    [Fact]
    public async Task Connect_answer_sets_user_id_groups_and_state_for_the_connection()
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.Reply = r => Task.FromResult(r.Event == "connect"
            ? UpstreamReply.Json("""{"userId":"from-connect","groups":["g1"]}""", state: "c3RhdGU=")
            : UpstreamReply.Ok);

        using var socket = await stack.ConnectAsync("alice");
        var connected = await stack.Upstream.NextAsync("connected");

        Assert.Equal("from-connect", connected.Header("ce-userId"));
        Assert.Equal("c3RhdGU=", connected.Header("ce-connectionState"));
        Assert.Equal("{}", connected.Text);
        using var send = await stack.SendAsync(HttpMethod.Head, "api/hubs/chat/groups/g1?api-version=2024-01-01");
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
    }

    [Fact]
    public async Task Without_a_connect_handler_the_connection_is_accepted_with_the_token_identity()
    {
        await using var stack = await TestStack.StartAsync(systemEvents: "connected");

        using var socket = await stack.ConnectAsync("alice", groups: ["from-token"]);
        var connected = await stack.Upstream.NextAsync("connected");

        Assert.Equal("alice", connected.Header("ce-userId"));
        Assert.Equal("1", connected.Header("ce-id"));
        using var head = await stack.SendAsync(HttpMethod.Head, "api/hubs/chat/groups/from-token?api-version=2024-01-01");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    private static async Task<HttpStatusCode> HandshakeStatusAsync(TestStack stack, Uri uri, string? subprotocol = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (subprotocol is not null)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        return socket.HttpStatusCode;
    }

    private static string Hmac(string key, string data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data)));
}
