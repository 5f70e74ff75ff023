using System.Net;
using System.Net.WebSockets;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>The CloudEvents abuse-protection check before the first delivery to a handler URL.</summary>
public sealed class AbuseProtectionTests
{
    [Fact]
    public async Task The_handler_is_validated_with_OPTIONS_once_before_the_first_event()
    {
        await using var stack = await TestStack.StartAsync();

        using var first = await stack.ConnectAsync();
        using var second = await stack.ConnectAsync();
        await stack.Upstream.NextAsync("connect");

        var probe = Assert.Single(stack.Upstream.Validations);
        Assert.Equal("OPTIONS", probe.Method);
        Assert.Equal("validate", probe.Event);
        Assert.Equal(stack.Emulator.Endpoint.Authority, probe.Header("WebHook-Request-Origin"));
        Assert.Equal("1.0", probe.Header("ce-awpsversion"));
    }

    [Fact]
    public async Task A_handler_that_does_not_allow_the_origin_receives_no_event_and_the_connect_fails()
    {
        await using var stack = await TestStack.StartAsync();
        stack.Upstream.AllowOrigin = false;

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(stack.ClientUri(TestTokens.Client(stack.Emulator.Endpoint, TestStack.Hub, "alice")), CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, socket.HttpStatusCode);
        Assert.False(stack.Upstream.TryTake(out _), "no event may reach a handler that failed abuse protection");
    }
}
