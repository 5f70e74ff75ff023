using System.Net;
using System.Text.Json;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>The data-plane REST API's operations: group sends, closing a group, tokens, listing, users and permissions.</summary>
public sealed class RestOperationsTests
{
    private const string Version = "?api-version=2024-01-01";

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

        using var send = await stack.SendAsync(HttpMethod.Post, $"api/hubs/chat/groups/room/:send{Version}&excluded={ids["bob"]}", RestApiTests.Text("to room"));
        using var all = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, RestApiTests.Text("to all"));

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
        await RestApiTests.AssertErrorAsync(old, HttpStatusCode.BadRequest);
        sockets.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Add_user_to_group_gets_404_when_the_user_has_no_connection()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Put, "api/hubs/chat/users/nobody/groups/g1" + Version);

        await RestApiTests.AssertErrorAsync(response, HttpStatusCode.NotFound);
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
        await RestApiTests.AssertErrorAsync(bad, HttpStatusCode.BadRequest);
    }
}
