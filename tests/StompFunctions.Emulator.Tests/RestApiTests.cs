using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>The data-plane REST API: authentication, api-version, validation with the service's error body, operations.</summary>
public sealed class RestApiTests
{
    private const string Version = "?api-version=2024-01-01";

    [Fact]
    public async Task Health_answers_200_without_authentication()
    {
        await using var stack = await TestStack.StartAsync();

        using var head = await stack.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/health"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task A_call_without_token_gets_401_with_the_error_body_and_code_header()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.Http.PostAsync("api/hubs/chat/:send" + Version, new StringContent("x", Encoding.UTF8, "text/plain"));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("wrong-key", 5, true)]
    [InlineData(WebPubSubEmulatorOptions.DevelopmentAccessKey, -10, true)]
    [InlineData(WebPubSubEmulatorOptions.DevelopmentAccessKey, 5, false)]
    public async Task A_token_with_bad_key_expired_or_for_another_url_gets_401(string key, int minutes, bool rightAudience)
    {
        await using var stack = await TestStack.StartAsync();
        var url = new Uri(stack.Emulator.Endpoint, "api/hubs/chat/:send" + Version).AbsoluteUri;
        var token = TestTokens.Rest(rightAudience ? url : url.Replace("chat", "other", StringComparison.Ordinal), key, TimeSpan.FromMinutes(minutes));

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, Text("x"), token);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_audience_is_the_url_without_query_is_accepted()
    {
        await using var stack = await TestStack.StartAsync();
        var token = TestTokens.Rest(new Uri(stack.Emulator.Endpoint, "api/hubs/chat/:send").AbsoluteUri);

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, Text("x"), token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("api/hubs/chat/:send")]
    [InlineData("api/hubs/chat/:send?api-version=1999-01-01")]
    public async Task A_missing_or_unknown_api_version_gets_400(string path)
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, path, Text("x"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_hub_gets_404_and_an_unknown_path_404_and_a_wrong_method_405()
    {
        await using var stack = await TestStack.StartAsync();

        using var hub = await stack.SendAsync(HttpMethod.Post, "api/hubs/nohub/:send" + Version, Text("x"));
        using var path = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:nothing" + Version, Text("x"));
        using var method = await stack.SendAsync(HttpMethod.Get, "api/hubs/chat/:send" + Version);

        await AssertErrorAsync(hub, HttpStatusCode.NotFound);
        await AssertErrorAsync(path, HttpStatusCode.NotFound);
        await AssertErrorAsync(method, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Malformed_json_in_addToGroups_gets_400()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:addToGroups" + Version, new StringContent("{not json", Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_message_over_1_MB_gets_413_and_nothing_is_delivered()
    {
        await using var stack = await TestStack.StartAsync();
        using var socket = await stack.ConnectAsync();

        using var big = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, new ByteArrayContent(new byte[(1024 * 1024) + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } });
        using var marker = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, Text("marker"));

        await AssertErrorAsync(big, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("marker", await socket.ReceiveTextAsync());
    }

    [Theory]
    [InlineData("groups/%20%20/:send", "POST")]
    [InlineData("groups/%20/connections/abc", "PUT")]
    public async Task A_blank_group_name_gets_400(string path, string method)
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(new HttpMethod(method), "api/hubs/chat/" + path + Version, method == "POST" ? Text("x") : null);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_group_name_over_1024_characters_gets_400()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, $"api/hubs/chat/groups/{new string('g', 1025)}/:send" + Version, Text("x"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task A_send_with_an_unsupported_content_type_gets_400(string? contentType)
    {
        await using var stack = await TestStack.StartAsync();
        var content = new ByteArrayContent("x"u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, content);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("userId eq")]
    [InlineData("nosuch eq 'a'")]
    [InlineData("userId eq 'unterminated")]
    public async Task An_invalid_filter_gets_400(string filter)
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version + "&filter=" + Uri.EscapeDataString(filter), Text("x"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MessageTtlSeconds_over_300_gets_400()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version + "&messageTtlSeconds=301", Text("x"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_group_send_reaches_members_only_and_respects_excluded()
    {
        await using var stack = await TestStack.StartAsync();
        using var member = await stack.ConnectAsync("alice", groups: ["room"]);
        using var excluded = await stack.ConnectAsync("bob", groups: ["room"]);
        using var outsider = await stack.ConnectAsync("carol");
        var ids = new Dictionary<string, string>();
        for (var i = 0; i < 3; i++)
        {
            var connected = await stack.Upstream.NextAsync("connected");
            ids[connected.Header("ce-userId")!] = connected.Header("ce-connectionId")!;
        }

        using var send = await stack.SendAsync(HttpMethod.Post, $"api/hubs/chat/groups/room/:send{Version}&excluded={ids["bob"]}", Text("to room"));
        using var all = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, Text("to all"));

        Assert.Equal(HttpStatusCode.Accepted, send.StatusCode);
        Assert.Equal("to room", await member.ReceiveTextAsync());
        Assert.Equal("to all", await member.ReceiveTextAsync());
        Assert.Equal("to all", await excluded.ReceiveTextAsync());
        Assert.Equal("to all", await outsider.ReceiveTextAsync());
    }

    [Fact]
    public async Task Close_group_connections_closes_members_with_the_reason_and_answers_204()
    {
        await using var stack = await TestStack.StartAsync();
        using var member = await stack.ConnectAsync("alice", groups: ["room"]);

        using var close = await stack.SendAsync(HttpMethod.Post, $"api/hubs/chat/groups/room/:closeConnections{Version}&reason=maintenance");
        var (type, _) = await member.ReceiveMessageAsync();

        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        Assert.Equal(System.Net.WebSockets.WebSocketMessageType.Close, type);
        Assert.Equal("maintenance", member.CloseStatusDescription);
    }

    [Fact]
    public async Task Generate_token_returns_a_token_the_client_endpoint_accepts_with_its_user_and_groups()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, $"api/hubs/chat/:generateToken{Version}&userId=dora&group=g1&role=r1&minutesToExpire=5");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(stack.ClientUri(json.RootElement.GetProperty("token").GetString()), CancellationToken.None);
        var connect = await stack.Upstream.NextAsync("connect");
        using var head = await stack.SendAsync(HttpMethod.Head, "api/hubs/chat/groups/g1" + Version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dora", connect.Header("ce-userId"));
        Assert.Contains("\"role\":[\"r1\"]", connect.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task Listing_group_connections_pages_with_a_next_link_on_2024_12_01()
    {
        await using var stack = await TestStack.StartAsync();
        var sockets = new List<System.Net.WebSockets.ClientWebSocket>();
        for (var i = 0; i < 3; i++)
        {
            sockets.Add(await stack.ConnectAsync("user" + i, groups: ["listed"]));
        }

        using var first = await stack.SendAsync(HttpMethod.Get, "api/hubs/chat/groups/listed/connections?api-version=2024-12-01&maxpagesize=2");
        using var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var nextLink = firstJson.RootElement.GetProperty("nextLink").GetString()!;
        using var second = await stack.SendAsync(HttpMethod.Get, nextLink.TrimStart('/'));
        using var secondJson = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        using var old = await stack.SendAsync(HttpMethod.Get, "api/hubs/chat/groups/listed/connections" + Version);

        Assert.Equal(2, firstJson.RootElement.GetProperty("value").GetArrayLength());
        Assert.Equal(1, secondJson.RootElement.GetProperty("value").GetArrayLength());
        Assert.False(secondJson.RootElement.TryGetProperty("nextLink", out _));
        await AssertErrorAsync(old, HttpStatusCode.BadRequest);
        sockets.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Add_user_to_group_gets_404_when_the_user_has_no_connection()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Put, "api/hubs/chat/users/nobody/groups/g1" + Version);

        await AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Permissions_come_from_grants_and_from_roles()
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.Reply = r => Task.FromResult(r.Event == "connect" ? UpstreamReply.Json("""{"roles":["webpubsub.joinLeaveGroup.lobby"]}""") : UpstreamReply.Ok);
        using var socket = await stack.ConnectAsync();
        var id = (await stack.Upstream.NextAsync("connect")).Header("ce-connectionId");

        using var byRole = await stack.SendAsync(HttpMethod.Head, $"api/hubs/chat/permissions/joinLeaveGroup/connections/{id}{Version}&targetName=lobby");
        using var notGranted = await stack.SendAsync(HttpMethod.Head, $"api/hubs/chat/permissions/sendToGroup/connections/{id}{Version}");
        using var grant = await stack.SendAsync(HttpMethod.Put, $"api/hubs/chat/permissions/sendToGroup/connections/{id}{Version}");
        using var granted = await stack.SendAsync(HttpMethod.Head, $"api/hubs/chat/permissions/sendToGroup/connections/{id}{Version}&targetName=any");
        using var bad = await stack.SendAsync(HttpMethod.Put, $"api/hubs/chat/permissions/fly/connections/{id}{Version}");

        Assert.Equal(HttpStatusCode.OK, byRole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notGranted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        await AssertErrorAsync(bad, HttpStatusCode.BadRequest);
    }

    internal static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.Contains("x-ms-error-code"), "the x-ms-error-code header is missing");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
    }
}
