using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Broker.Collector;
using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Tests.Support;

namespace StompFunctions.Broker.Tests.Engine;

public sealed class PublishAndRegistrationTests
{
    [Fact]
    public async Task The_publish_API_fans_out_outside_any_frame_with_headers_and_content_type()
    {
        var harness = new EngineHarness();
        var a = await harness.ConnectedClientAsync("a");
        var b = await harness.ConnectedClientAsync("b");
        await a.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/news\n\n\0");
        await b.ExchangeAsync("SUBSCRIBE\nid:sub-9\ndestination:/topic/news\nack:client\n\n\0");

        var routes = await harness.Engine.Publisher.PublishAsync("/topic/news", "breaking", [new("x-source", "timer"), new("receipt", "dropped")]);

        Assert.Equal(2, routes);
        var first = Assert.Single(a.Delivered);
        Assert.Equal(("breaking", "timer", "text/plain;charset=utf-8", "sub-0"), (first.BodyText, first["x-source"], first["content-type"], first["subscription"]));
        Assert.False(first.Has("receipt"));
        Assert.NotNull(Assert.Single(b.Delivered)["ack"]);
    }

    [Fact]
    public async Task Publishing_to_a_destination_nobody_listens_to_sends_nothing()
    {
        var harness = new EngineHarness();

        var routes = await harness.Engine.Publisher.PublishAsync("/topic/empty", new byte[] { 1, 2 });

        Assert.Equal(0, routes);
        Assert.DoesNotContain(harness.Gateway.Operations, o => o.Kind == GatewayOperationKind.SendToGroup);
    }

    [Fact]
    public async Task AddStomp_registers_the_engine_the_publisher_the_collector_and_the_in_memory_store_with_the_builder_handlers()
    {
        var services = new ServiceCollection();
        services.AddStomp(o => o.ServerName = "Test/1")
            .AddInMemoryConnectionGateway()
            .MapSend("/app/ping", c =>
            {
                c.SendToSender("/topic/pong", "pong"u8.ToArray());
                return ValueTask.CompletedTask;
            });
        await using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<StompEngine>();
        Assert.Same(engine.Publisher, provider.GetRequiredService<IStompPublisher>());
        Assert.IsType<InMemoryStateStore>(provider.GetRequiredService<IStompStateStore>());
        Assert.IsType<InMemoryConnectionGateway>(provider.GetRequiredService<IConnectionGateway>());
        Assert.NotNull(provider.GetRequiredService<StompRouteCollector>());

        var connect = await engine.HandleMessageAsync(new StompInboundMessage("c", null, null, "CONNECT\naccept-version:1.2\n\n\0"u8.ToArray(), PayloadKind.Text));
        Assert.Equal("Test/1", Assert.Single(ParsedFrame.ParseAll(connect.Reply))["server"]);
        var subscribe = await engine.HandleMessageAsync(new StompInboundMessage("c", null, connect.ConnectionState, "SUBSCRIBE\nid:p\ndestination:/topic/pong\n\n\0"u8.ToArray(), PayloadKind.Text));
        var ping = await engine.HandleMessageAsync(new StompInboundMessage("c", null, subscribe.ConnectionState, "SEND\ndestination:/app/ping\n\n\0"u8.ToArray(), PayloadKind.Text));
        Assert.Equal("pong", Assert.Single(ParsedFrame.ParseAll(ping.Reply)).BodyText);
    }

    [Fact]
    public void AddStomp_registers_no_gateway_and_the_engine_says_which_one_is_missing()
    {
        var services = new ServiceCollection();
        services.AddStomp();
        using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<IConnectionGateway>());
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<StompEngine>());
        Assert.Contains("AddWebPubSubGateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adapters_replace_the_in_memory_ports_whatever_the_registration_order()
    {
        var before = new ServiceCollection();
        before.AddSingleton<IStompStateStore, ScriptedStore>();
        before.AddStomp();
        var after = new ServiceCollection();
        after.AddStomp();
        after.AddSingleton<IStompStateStore, ScriptedStore>();

        using var first = before.BuildServiceProvider();
        using var second = after.BuildServiceProvider();

        Assert.IsType<ScriptedStore>(first.GetRequiredService<IStompStateStore>());
        Assert.IsType<ScriptedStore>(second.GetRequiredService<IStompStateStore>());
    }

    [Fact]
    public void Invalid_options_are_refused_with_a_message_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddStomp(o =>
        {
            o.MaxTransactionFrames = 0;
            o.ServerName = "";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<StompEngine>());

        Assert.Contains("MaxTransactionFrames", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServerName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddStomp_twice_shares_one_handler_registry()
    {
        var services = new ServiceCollection();

        var first = services.AddStomp();
        var second = services.AddStomp();

        Assert.Same(first.Handlers, second.Handlers);
    }
}
