using StompFunctions.Broker.Authorization;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Authorization;

/// <summary>The rules enforced by the engine's authorization hooks, with roles that came from the connection's token.</summary>
public sealed class DestinationRulesEngineTests
{
    private static EngineHarness Harness(Action<StompHandlerRegistry>? more = null) => new(register: handlers =>
    {
        DestinationRuleSet.Create(new DestinationRulesOptions
        {
            Rules =
            {
                new() { Pattern = "/topic/**", Subscribe = { "@authenticated" }, Send = { "publisher" } },
                new() { Pattern = "/queue/orders.*", Subscribe = { "orders" }, Send = { "orders" } },
            },
        }).AddTo(handlers);
        more?.Invoke(handlers);
    });

    private static async Task<TestClient> ConnectAsync(EngineHarness harness, string connectionId, string? user, params string[] roles)
    {
        var client = harness.Client(connectionId, user);
        client.HandshakeWithRoles(roles);
        Assert.Equal(StompCommand.Connected, Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:1.2\n\n\0")).Command);
        return client;
    }

    [Fact]
    public async Task STOMP_S37_a_SUBSCRIBE_no_rule_grants_gets_an_ERROR_naming_the_destination_then_close()
    {
        var harness = Harness();
        var client = await ConnectAsync(harness, "c1", "alice");

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/queue/orders.eu\nreceipt:r1\n\n\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("not allowed to subscribe to /queue/orders.eu", error["message"]);
        Assert.Equal("r1", error["receipt-id"]);
        Assert.Contains("/queue/orders.eu", error.BodyText, StringComparison.Ordinal);
        Assert.True(client.Last!.CloseAfterReply);
        Assert.Empty(harness.Gateway.Operations);
    }

    [Fact]
    public async Task A_role_from_the_token_grants_what_its_rule_says()
    {
        var harness = Harness();
        var client = await ConnectAsync(harness, "c1", "alice", "orders");

        var receipt = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/queue/orders.eu\nreceipt:r1\n\n\0"));

        Assert.Equal(StompCommand.Receipt, receipt.Command);
    }

    [Fact]
    public async Task STOMP_S36_a_SEND_no_rule_grants_gets_an_ERROR_and_reaches_nobody()
    {
        var harness = Harness();
        var subscriber = await ConnectAsync(harness, "sub", "bob");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/prices\n\n\0");
        var sender = await ConnectAsync(harness, "pub", "alice");

        var error = Assert.Single(await sender.ExchangeAsync("SEND\ndestination:/topic/prices\n\nfake\0"));

        Assert.Equal("not allowed to send to /topic/prices", error["message"]);
        Assert.True(sender.Last!.CloseAfterReply);
        Assert.Empty(subscriber.Delivered);
    }

    [Fact]
    public async Task A_publisher_role_sends_and_the_subscriber_receives()
    {
        var harness = Harness();
        var subscriber = await ConnectAsync(harness, "sub", "bob");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/prices\n\n\0");
        var sender = await ConnectAsync(harness, "pub", "alice", "publisher");

        Assert.Empty(await sender.ExchangeAsync("SEND\ndestination:/topic/prices\n\n42\0"));

        Assert.Equal("42", Assert.Single(subscriber.Delivered).BodyText);
    }

    [Fact]
    public async Task An_anonymous_session_is_denied_where_only_authenticated_users_are_allowed()
    {
        var client = await ConnectAsync(Harness(), "c1", user: null);

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/prices\n\n\0"));

        Assert.Equal("not allowed to subscribe to /topic/prices", error["message"]);
    }

    [Fact]
    public async Task Roles_survive_every_later_event_of_the_session()
    {
        var harness = Harness();
        var client = await ConnectAsync(harness, "c1", "alice", "orders");
        await client.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/queue/orders.eu\n\n\0");

        var receipt = Assert.Single(await client.ExchangeAsync("SEND\ndestination:/queue/orders.us\nreceipt:r2\n\nx\0"));

        Assert.Equal(StompCommand.Receipt, receipt.Command);
    }

    [Fact]
    public async Task A_CONNECT_hook_sees_the_token_roles_and_may_replace_them()
    {
        IReadOnlyList<string>? seen = null;
        var harness = Harness(handlers => handlers.OnConnect(context =>
        {
            seen = context.UpstreamRoles;
            context.Roles = ["publisher"];
            return ValueTask.CompletedTask;
        }));
        var client = await ConnectAsync(harness, "c1", "alice", "orders");

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/queue/orders.eu\n\n\0"));

        Assert.Equal(["orders"], seen);
        Assert.Equal(StompCommand.Error, error.Command);
    }

    [Fact]
    public void Without_roles_the_connect_event_sets_no_state()
    {
        var engine = new EngineHarness().Engine;

        Assert.Null(engine.CreateConnectionState([]));
        Assert.Null(engine.CreateConnectionState(["", ""]));
        Assert.NotNull(engine.CreateConnectionState(["a", "a"]));
    }
}
