using System.Net;
using System.Net.WebSockets;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary><c>ce-userId</c> carries every Unicode user id exactly, in the configured encoding, or not at all.</summary>
public sealed class UserIdHeaderTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("ünï", "%C3%BCn%C3%AF")]
    [InlineData("a b\"%", "a%20b%22%25")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("a\r\nx", "a%0D%0Ax")]
    public async Task By_default_user_ids_are_percent_encoded_as_the_CloudEvents_http_binding_says(string userId, string header)
    {
        await using var stack = await TestStack.StartAsync();

        using var socket = await stack.ConnectAsync(userId);
        var connect = await stack.Upstream.NextAsync("connect");
        await socket.SendAsync("x"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var message = await stack.Upstream.NextAsync("message");

        Assert.Equal(header, connect.Header("ce-userId"));
        Assert.Equal(header, message.Header("ce-userId"));
    }

    [Fact]
    public async Task The_utf8_encoding_sends_the_octets_as_they_are()
    {
        await using var stack = await TestStack.StartAsync(configure: o => o.UserIdHeaderEncoding = UserIdHeaderEncoding.Utf8);

        using var socket = await stack.ConnectAsync("ünï 😀");
        var connect = await stack.Upstream.NextAsync("connect");

        Assert.Equal("ünï 😀", connect.Header("ce-userId"));
    }

    [Fact]
    public async Task The_utf8_encoding_never_cuts_a_user_id_with_a_line_break_it_refuses_the_connection()
    {
        await using var stack = await TestStack.StartAsync(configure: o => o.UserIdHeaderEncoding = UserIdHeaderEncoding.Utf8);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(stack.ClientUri(TestTokens.Client(stack.Emulator.Endpoint, TestStack.Hub, "a\r\nx")), CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, socket.HttpStatusCode);
        Assert.False(stack.Upstream.TryTake(out _));
    }
}
