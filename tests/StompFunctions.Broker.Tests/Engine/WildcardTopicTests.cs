using StompFunctions.Broker.Authorization;
using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>Wildcard topic subscriptions (issue 17) through the engine, on the in-memory store.</summary>
public sealed class WildcardTopicTests
{
    [Fact]
    public async Task STOMP_S53_a_wildcard_subscriber_gets_the_sent_destination_and_its_own_subscription_id()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:w-1\ndestination:/topic/stocks.*.price\n\n\0");

        await publisher.ExchangeAsync("SEND\ndestination:/topic/stocks.ibm.price\n\n101\0");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/stocks.ibm.volume\n\n7\0");

        var message = Assert.Single(subscriber.Delivered);
        Assert.Equal("/topic/stocks.ibm.price", message["destination"]);
        Assert.Equal("w-1", message["subscription"]);
        Assert.Equal("101", message.BodyText);
    }

    [Fact]
    public async Task An_exact_and_a_wildcard_subscription_that_both_match_get_one_MESSAGE_each()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:exact\ndestination:/topic/logs.error\n\n\0");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:all\ndestination:/topic/logs.#\n\n\0");
        harness.Gateway.ClearOperations();

        await publisher.ExchangeAsync("SEND\ndestination:/topic/logs.error\n\ndisk full\0");

        Assert.Equal(["all", "exact"], subscriber.Delivered.Select(m => m["subscription"]).Order(StringComparer.Ordinal));
        Assert.All(subscriber.Delivered, m => Assert.Equal("/topic/logs.error", m["destination"]));
        Assert.Equal(2, harness.Gateway.Operations.Count(o => o.Kind == GatewayOperationKind.SendToGroup));
    }

    [Fact]
    public async Task Wildcard_subscribers_sharing_pattern_id_and_ack_mode_share_one_group_send()
    {
        var harness = new EngineHarness();
        var first = await harness.ConnectedClientAsync("a");
        var second = await harness.ConnectedClientAsync("b");
        var publisher = await harness.ConnectedClientAsync("pub");
        await first.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/#\n\n\0");
        await second.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/#\n\n\0");
        harness.Gateway.ClearOperations();

        await publisher.ExchangeAsync("SEND\ndestination:/topic/x.y\n\nhi\0");

        Assert.Single(harness.Gateway.Operations, o => o.Kind == GatewayOperationKind.SendToGroup);
        Assert.Equal("hi", Assert.Single(first.Delivered).BodyText);
        Assert.Equal("hi", Assert.Single(second.Delivered).BodyText);
    }

    [Fact]
    public async Task Pattern_subscriptions_live_in_the_wildcard_index_and_UNSUBSCRIBE_removes_the_member()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub", userId: "alice");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:w\ndestination:/topic/a.*\n\n\0");

        var snapshot = await harness.Store.ReadDestinationAsync(TopicWildcards.IndexDestination, CancellationToken.None);
        Assert.Equal("/topic/a.*", Assert.Single(snapshot.Routes).Pattern);
        Assert.Equal("sub", Assert.Single(snapshot.Members).ConnectionId);

        await subscriber.ExchangeAsync("UNSUBSCRIBE\nid:w\n\n\0");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/a.b\n\nlate\0");

        Assert.Empty((await harness.Store.ReadDestinationAsync(TopicWildcards.IndexDestination, CancellationToken.None)).Members);
        Assert.Empty(subscriber.Delivered);
    }

    [Fact]
    public async Task Disconnect_removes_the_pattern_member_from_the_index()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:w\ndestination:/topic/#\n\n\0");

        await subscriber.DisconnectedAsync();

        Assert.Empty((await harness.Store.ReadDestinationAsync(TopicWildcards.IndexDestination, CancellationToken.None)).Members);
    }

    [Theory]
    [InlineData("/topic/stocks.*")]
    [InlineData("/topic/logs.#")]
    public async Task STOMP_S36_a_SEND_to_a_pattern_gets_an_ERROR_and_reaches_nobody(string pattern)
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync($"SUBSCRIBE\nid:w\ndestination:{pattern}\n\n\0");

        var error = Assert.Single(await publisher.ExchangeAsync($"SEND\ndestination:{pattern}\nreceipt:r1\n\nx\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("wildcard destination", error["message"]);
        Assert.Equal("r1", error["receipt-id"]);
        Assert.Contains(pattern, error.BodyText, StringComparison.Ordinal);
        Assert.Empty(subscriber.Delivered);
    }

    [Fact]
    public async Task A_wildcard_inside_a_word_gets_an_ERROR_saying_how_to_write_it()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");

        var error = Assert.Single(await subscriber.ExchangeAsync("SUBSCRIBE\nid:w\ndestination:/topic/stocks*.price\n\n\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("invalid topic pattern", error["message"]);
        Assert.Empty((await harness.Store.ReadDestinationAsync(TopicWildcards.IndexDestination, CancellationToken.None)).Routes);
    }

    [Fact]
    public async Task Publishing_to_a_pattern_through_the_publish_API_is_refused()
    {
        var harness = new EngineHarness();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Engine.Publisher.PublishAsync("/topic/a.#", "x").AsTask());
    }

    [Fact]
    public async Task Subscribe_hooks_see_the_pattern()
    {
        var seen = new List<string>();
        var harness = new EngineHarness(register: handlers => handlers.AuthorizeSubscribe(context =>
        {
            seen.Add(context.Destination);
            return ValueTask.CompletedTask;
        }));
        var subscriber = await harness.ConnectedClientAsync("sub");

        await subscriber.ExchangeAsync("SUBSCRIBE\nid:w\ndestination:/topic/stocks.*.price\n\n\0");

        Assert.Equal(["/topic/stocks.*.price"], seen);
    }

    [Fact]
    public async Task STOMP_S37_destination_rules_grant_a_pattern_only_when_their_pattern_covers_its_text()
    {
        var harness = new EngineHarness(register: handlers => DestinationRuleSet.Create(new DestinationRulesOptions
        {
            Rules =
            {
                new() { Pattern = "/topic/stocks.ibm", Subscribe = { "*" } },
                new() { Pattern = "/topic/logs.#", Subscribe = { "*" } },
            },
        }).AddTo(handlers));
        var client = await harness.ConnectedClientAsync("c1");

        var exact = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:1\ndestination:/topic/stocks.ibm\nreceipt:r1\n\n\0"));
        var allowedPattern = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:2\ndestination:/topic/logs.#\nreceipt:r2\n\n\0"));
        var deniedPattern = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:3\ndestination:/topic/stocks.*\nreceipt:r3\n\n\0"));

        Assert.Equal(StompCommand.Receipt, exact.Command);
        Assert.Equal(StompCommand.Receipt, allowedPattern.Command);
        Assert.Equal(StompCommand.Error, deniedPattern.Command);
        Assert.Equal("not allowed to subscribe to /topic/stocks.*", deniedPattern["message"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_SEND_to_a_topic_is_one_route_read_whether_or_not_patterns_exist(bool withPatterns)
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:e\ndestination:/topic/a.b\n\n\0");
        if (withPatterns)
        {
            await subscriber.ExchangeAsync("SUBSCRIBE\nid:w\ndestination:/topic/a.*\n\n\0");
        }

        var before = store.RouteReads;
        await publisher.ExchangeAsync("SEND\ndestination:/topic/a.b\n\nx\0");

        Assert.Equal(1, store.RouteReads - before);
        Assert.Equal(withPatterns ? 2 : 1, subscriber.Delivered.Count);
    }
}
