using System.Net.WebSockets;
using Microsoft.Extensions.Configuration;
using StompFunctions.Emulator.Standalone;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>Embedding, the in-process host, the standalone configuration and the printed connection string.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task The_host_prints_a_connection_string_with_endpoint_port_key_and_version()
    {
        await using var emulator = await WebPubSubEmulatorHost.StartAsync();

        var port = emulator.Endpoint.Port;
        Assert.Equal($"Endpoint=http://127.0.0.1:{port};Port={port};AccessKey={WebPubSubEmulatorOptions.DevelopmentAccessKey};Version=1.0;", emulator.ConnectionString);
    }

    [Fact]
    public async Task Stopping_the_host_closes_open_client_connections_with_1001()
    {
        var stack = await TestStack.StartAsync();
        using var socket = await stack.ConnectAsync();

        await stack.DisposeAsync();
        var (type, _) = await socket.ReceiveMessageAsync();

        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
    }

    [Fact]
    public async Task Clients_can_also_connect_through_client_with_a_hub_query_parameter()
    {
        await using var stack = await TestStack.StartAsync();
        var token = TestTokens.Client(stack.Emulator.Endpoint, TestStack.Hub, "alice");
        var uri = new UriBuilder(stack.Emulator.Endpoint) { Scheme = "ws", Path = "client", Query = "hub=chat&access_token=" + Uri.EscapeDataString(token) }.Uri;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, CancellationToken.None);
        var connect = await stack.Upstream.NextAsync("connect");

        Assert.Equal("chat", connect.Header("ce-hub"));
    }

    [Fact]
    public async Task Upstream_calls_failing_with_5xx_are_retried_after_the_configured_delays()
    {
        await using var stack = await TestStack.StartAsync(configure: o => o.UpstreamRetryDelays.Add(TimeSpan.FromMilliseconds(10)));
        var attempts = 0;
        stack.Upstream.Reply = r => Task.FromResult(r.Event != "message" ? UpstreamReply.Ok
            : Interlocked.Increment(ref attempts) == 1 ? new UpstreamReply(503) : UpstreamReply.Text("ok"));
        using var socket = await stack.ConnectAsync();

        await socket.SendTextAsync("hi");

        Assert.Equal("ok", await socket.ReceiveTextAsync());
        Assert.Equal(2, attempts);
    }

    [Fact]
    public void Standalone_options_configure_one_hub_with_an_upstream_and_anonymous_policy()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(
            ["--hub", "stomp", "--upstream", "http://localhost:7071/api/{event}", "--anonymous", "allow", "--user-events", "message", "--access-key", "k1"]).Build();
        var options = new WebPubSubEmulatorOptions();

        StandaloneSettings.Apply(configuration, options);

        var hub = options.Hubs["STOMP"];
        var handler = Assert.Single(hub.EventHandlers);
        Assert.Equal("k1", options.AccessKey);
        Assert.Equal(AnonymousConnectPolicy.Allow, hub.AnonymousConnectPolicy);
        Assert.Equal("http://localhost:7071/api/{event}", handler.UrlTemplate);
        Assert.Equal("message", handler.UserEventPattern);
        Assert.Equal(["connect", "connected", "disconnected"], handler.SystemEvents);
    }

    [Fact]
    public void Standalone_options_bind_hubs_from_the_WebPubSub_section_and_accept_any_hub_when_none_is_configured()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WebPubSub:Hubs:chat:AnonymousConnectPolicy"] = "Allow",
            ["WebPubSub:Hubs:chat:EventHandlers:0:UrlTemplate"] = "http://127.0.0.1:1/{event}",
            ["WebPubSub:Hubs:chat:EventHandlers:0:SystemEvents:0"] = "connect",
        }).Build();
        var withHub = new WebPubSubEmulatorOptions();
        var withoutHub = new WebPubSubEmulatorOptions();

        StandaloneSettings.Apply(configured, withHub);
        StandaloneSettings.Apply(new ConfigurationBuilder().Build(), withoutHub);

        Assert.Equal(AnonymousConnectPolicy.Allow, withHub.Hubs["chat"].AnonymousConnectPolicy);
        Assert.Equal(["connect"], Assert.Single(withHub.Hubs["chat"].EventHandlers).SystemEvents);
        Assert.Equal(["_default"], withoutHub.Hubs.Keys);
    }

    [Fact]
    public void Map_without_Add_fails_with_a_message_naming_the_missing_call()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapWebPubSubEmulator());

        Assert.Contains("AddWebPubSubEmulator", error.Message, StringComparison.Ordinal);
    }
}
