using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>Client messages as blocking message events: ordering, answers, state, drops and the disconnected event.</summary>
public sealed class MessageEventTests
{
    [Fact]
    public async Task Message_events_of_one_connection_are_delivered_one_at_a_time_in_order()
    {
        await using var stack = await TestStack.StartAsync();
        var inFlight = 0;
        var overlapped = false;
        stack.Upstream.Reply = async r =>
        {
            if (r.Event != "message")
            {
                return UpstreamReply.Ok;
            }

            overlapped |= Interlocked.Increment(ref inFlight) > 1;
            await Task.Delay(20);
            Interlocked.Decrement(ref inFlight);
            return UpstreamReply.Text("re:" + r.Text);
        };
        using var socket = await stack.ConnectAsync();

        for (var i = 0; i < 5; i++)
        {
            await socket.SendTextAsync("m" + i);
        }

        var replies = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            replies.Add(await socket.ReceiveTextAsync());
        }

        Assert.Equal(["re:m0", "re:m1", "re:m2", "re:m3", "re:m4"], replies);
        Assert.False(overlapped, "a message event started before the previous one was answered");
    }

    [Fact]
    public async Task Events_one_after_another_reuse_one_http_connection_to_the_upstream()
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.Reply = r => Task.FromResult(r.Event == "message" ? UpstreamReply.Text("re:" + r.Text) : UpstreamReply.Ok);
        using var socket = await stack.ConnectAsync();

        var connections = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            await socket.SendTextAsync("m" + i);
            Assert.Equal("re:m" + i, await socket.ReceiveTextAsync());
            connections.Add((await stack.Upstream.NextAsync("message")).TcpConnectionId);
        }

        Assert.Single(connections);
    }

    [Fact]
    public async Task Message_event_is_a_user_cloud_event_with_text_or_binary_content_type_and_increasing_ids()
    {
        await using var stack = await TestStack.StartAsync(systemEvents: "connect");
        stack.Upstream.Reply = r => Task.FromResult(r.Event == "connect" ? UpstreamReply.Json("""{"subprotocol":"v12.stomp"}""") : new UpstreamReply(204));
        using var socket = await stack.ConnectAsync("alice", ["v12.stomp"]);
        await stack.Upstream.NextAsync("connect");

        await socket.SendTextAsync("text");
        await socket.SendAsync(new byte[] { 0, 1, 2 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        var text = await stack.Upstream.NextAsync("message");
        var binary = await stack.Upstream.NextAsync("message");

        Assert.Equal("azure.webpubsub.user.message", text.Header("ce-type"));
        Assert.Equal("message", text.Header("ce-eventName"));
        Assert.Equal("v12.stomp", text.Header("ce-subprotocol"));
        Assert.StartsWith("text/plain", text.ContentType, StringComparison.Ordinal);
        Assert.Equal("text", text.Text);
        Assert.Equal("application/octet-stream", binary.ContentType);
        Assert.Equal([0, 1, 2], binary.Body);
        Assert.Equal("1", text.Header("ce-id"));
        Assert.Equal("2", binary.Header("ce-id"));
    }

    [Fact]
    public async Task Empty_and_fragmented_messages_are_each_one_message_event()
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.Reply = r => Task.FromResult(r.Event == "message" ? new UpstreamReply(204) : UpstreamReply.Ok);
        using var socket = await stack.ConnectAsync();

        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None);
        await socket.SendAsync("frag"u8.ToArray(), WebSocketMessageType.Text, false, CancellationToken.None);
        await socket.SendAsync(new byte[10_000], WebSocketMessageType.Text, false, CancellationToken.None);
        await socket.SendAsync("end"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var empty = await stack.Upstream.NextAsync("message");
        var fragmented = await stack.Upstream.NextAsync("message");

        Assert.Empty(empty.Body);
        Assert.Equal(4 + 10_000 + 3, fragmented.Body.Length);
        Assert.Equal("end", Encoding.UTF8.GetString(fragmented.Body[^3..]));
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8", WebSocketMessageType.Text)]
    [InlineData("application/json", WebSocketMessageType.Text)]
    [InlineData("application/octet-stream", WebSocketMessageType.Binary)]
    [InlineData(null, WebSocketMessageType.Binary)]
    public async Task The_answer_body_goes_back_to_the_sender_as_text_or_binary_by_content_type(string? contentType, WebSocketMessageType expected)
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.Reply = r => Task.FromResult(r.Event == "message" ? new UpstreamReply(200, contentType, "{}"u8.ToArray()) : UpstreamReply.Ok);
        using var socket = await stack.ConnectAsync();

        await socket.SendTextAsync("hi");
        var (type, data) = await socket.ReceiveMessageAsync();

        Assert.Equal(expected, type);
        Assert.Equal("{}"u8.ToArray(), data);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task A_non_2xx_message_answer_drops_the_connection_and_reports_it_in_disconnected(int status)
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.Reply = r => Task.FromResult(r.Event == "message" ? new UpstreamReply(status, "text/plain", "ERROR"u8.ToArray()) : UpstreamReply.Ok);
        using var socket = await stack.ConnectAsync();

        await socket.SendTextAsync("hi");
        var (type, _) = await socket.ReceiveMessageAsync();
        var disconnected = await stack.Upstream.NextAsync("disconnected");

        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.InternalServerError, socket.CloseStatus);
        using var body = JsonDocument.Parse(disconnected.Body);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), body.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_state_set_by_an_answer_is_resent_and_an_empty_header_clears_it()
    {
        await using var stack = await TestStack.StartAsync();
        var answers = new Queue<string?>(["one", null, "", "two"]);
        stack.Upstream.Reply = r => Task.FromResult(r.Event == "message" ? new UpstreamReply(204, State: answers.Dequeue()) : UpstreamReply.Ok);
        using var socket = await stack.ConnectAsync();

        var seen = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            await socket.SendTextAsync("m");
            seen.Add((await stack.Upstream.NextAsync("message")).Header("ce-connectionState"));
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        var disconnected = await stack.Upstream.NextAsync("disconnected");

        Assert.Equal([null, "one", "one", null], seen);
        Assert.Equal("two", disconnected.Header("ce-connectionState"));
    }

    [Fact]
    public async Task A_message_over_1_MB_closes_the_connection_with_1009()
    {
        await using var stack = await TestStack.StartAsync();
        using var socket = await stack.ConnectAsync();

        await socket.SendAsync(new byte[(1024 * 1024) + 1], WebSocketMessageType.Binary, true, CancellationToken.None);
        var (type, _) = await socket.ReceiveMessageAsync();

        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
    }

    [Fact]
    public async Task A_message_no_handler_takes_closes_the_connection_with_1011()
    {
        await using var stack = await TestStack.StartAsync(userEvents: null);
        using var socket = await stack.ConnectAsync();

        await socket.SendTextAsync("hi");
        var (type, _) = await socket.ReceiveMessageAsync();

        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.InternalServerError, socket.CloseStatus);
    }

    [Fact]
    public async Task A_client_close_fires_disconnected_with_a_reason_and_removes_the_connection()
    {
        await using var stack = await TestStack.StartAsync();
        using var socket = await stack.ConnectAsync();
        var connectionId = (await stack.Upstream.NextAsync("connected")).Header("ce-connectionId");

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        var disconnected = await stack.Upstream.NextAsync("disconnected");
        using var head = await stack.SendAsync(HttpMethod.Head, $"api/hubs/chat/connections/{connectionId}?api-version=2024-01-01");

        Assert.Equal(connectionId, disconnected.Header("ce-connectionId"));
        Assert.Equal("azure.webpubsub.sys.disconnected", disconnected.Header("ce-type"));
        using var body = JsonDocument.Parse(disconnected.Body);
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("reason").GetString()));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task An_answer_and_a_later_rest_send_reach_the_client_in_that_order()
    {
        await using var stack = await TestStack.StartAsync();
        using var socket = await stack.ConnectAsync();
        var connectionId = (await stack.Upstream.NextAsync("connected")).Header("ce-connectionId");

        await socket.SendTextAsync("first");
        Assert.Equal("first", await socket.ReceiveTextAsync());
        using var content = new StringContent("second", Encoding.UTF8, "text/plain");
        using var send = await stack.SendAsync(HttpMethod.Post, $"api/hubs/chat/connections/{connectionId}/:send?api-version=2024-01-01", content);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, send.StatusCode);
        Assert.Equal("second", await socket.ReceiveTextAsync());
    }
}
