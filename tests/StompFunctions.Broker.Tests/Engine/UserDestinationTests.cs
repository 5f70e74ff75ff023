using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>User destinations (issue 17, Spring's convention) through the engine.</summary>
public sealed class UserDestinationTests
{
    [Fact]
    public async Task STOMP_S53_every_session_of_the_user_gets_it_with_its_own_subscription_id_and_the_subscribed_destination()
    {
        var harness = new EngineHarness();
        var laptop = await harness.ConnectedClientAsync("alice-1", userId: "alice");
        var phone = await harness.ConnectedClientAsync("alice-2", userId: "alice");
        var bob = await harness.ConnectedClientAsync("bob-1", userId: "bob");
        var sender = await harness.ConnectedClientAsync("pub", userId: "carol");
        await laptop.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/user/queue/inbox\n\n\0");
        await phone.ExchangeAsync("SUBSCRIBE\nid:sub-5\ndestination:/user/queue/inbox\n\n\0");
        await bob.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/user/queue/inbox\n\n\0");

        Assert.Empty(await sender.ExchangeAsync("SEND\ndestination:/user/alice/queue/inbox\n\nhi alice\0"));

        var first = Assert.Single(laptop.Delivered);
        var second = Assert.Single(phone.Delivered);
        Assert.Equal(("/user/queue/inbox", "sub-0", "hi alice"), (first["destination"], first["subscription"], first.BodyText));
        Assert.Equal(("/user/queue/inbox", "sub-5", "hi alice"), (second["destination"], second["subscription"], second.BodyText));
        Assert.Empty(bob.Delivered);
    }

    [Fact]
    public async Task A_session_without_a_user_subscribing_to_a_user_destination_gets_an_ERROR_saying_why()
    {
        var harness = new EngineHarness();
        var anonymous = await harness.ConnectedClientAsync("anon");

        var error = Assert.Single(await anonymous.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/user/queue/inbox\nreceipt:r1\n\n\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("no user", error["message"]);
        Assert.Contains("has no user", error.BodyText, StringComparison.Ordinal);
        Assert.Equal("r1", error["receipt-id"]);
    }

    [Theory]
    [InlineData("SUBSCRIBE\nid:0\ndestination:/user/inbox\n\n\0")]
    [InlineData("SEND\ndestination:/user/queue/inbox\n\nx\0")]
    [InlineData("SEND\ndestination:/user/alice/inbox\n\nx\0")]
    public async Task A_user_destination_of_the_wrong_shape_gets_an_ERROR_naming_the_right_ones(string frame)
    {
        var harness = new EngineHarness();
        var client = await harness.ConnectedClientAsync("c1", userId: "alice");

        var error = Assert.Single(await client.ExchangeAsync(frame));

        Assert.Equal("invalid user destination", error["message"]);
        Assert.Contains("/user/queue/NAME", error.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_to_a_user_without_a_session_is_one_route_read_and_no_send()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var reads = store.RouteReads;

        var routes = await harness.Engine.Publisher.PublishToUserAsync("nobody", "/queue/inbox", "x");

        Assert.Equal(0, routes);
        Assert.Equal(1, store.RouteReads - reads);
        Assert.DoesNotContain(harness.Gateway.Operations, o => o.Kind == GatewayOperationKind.SendToGroup);
    }

    [Fact]
    public async Task PublishToUserAsync_reaches_the_users_sessions_subscribed_to_a_user_topic()
    {
        var harness = new EngineHarness();
        var alice = await harness.ConnectedClientAsync("alice-1", userId: "alice");
        await alice.ExchangeAsync("SUBSCRIBE\nid:n\ndestination:/user/topic/news\n\n\0");

        Assert.Equal(1, await harness.Engine.Publisher.PublishToUserAsync("alice", "/topic/news", "extra"));

        var message = Assert.Single(alice.Delivered);
        Assert.Equal(("/user/topic/news", "n", "extra"), (message["destination"], message["subscription"], message.BodyText));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Engine.Publisher.PublishToUserAsync("a/b", "/queue/x", "y").AsTask());
    }

    [Fact]
    public async Task A_handler_replies_to_the_senders_user_destination_in_one_line()
    {
        var harness = new EngineHarness(register: handlers => handlers.MapSend("/app/echo", async context => await context.ReplyToUserAsync("/queue/replies", "echo: " + context.BodyText)));
        var alice = await harness.ConnectedClientAsync("alice-1", userId: "alice");
        var bob = await harness.ConnectedClientAsync("bob-1", userId: "bob");
        await alice.ExchangeAsync("SUBSCRIBE\nid:r\ndestination:/user/queue/replies\n\n\0");
        await bob.ExchangeAsync("SUBSCRIBE\nid:r\ndestination:/user/queue/replies\n\n\0");

        await alice.ExchangeAsync("SEND\ndestination:/app/echo\n\nping\0");

        Assert.Equal("echo: ping", Assert.Single(alice.Delivered).BodyText);
        Assert.Empty(bob.Delivered);
    }

    [Fact]
    public async Task UNSUBSCRIBE_and_disconnect_remove_the_users_member()
    {
        var harness = new EngineHarness();
        var first = await harness.ConnectedClientAsync("alice-1", userId: "alice");
        var second = await harness.ConnectedClientAsync("alice-2", userId: "alice");
        await first.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/user/queue/inbox\n\n\0");
        await second.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/user/queue/inbox\n\n\0");

        await first.ExchangeAsync("UNSUBSCRIBE\nid:0\n\n\0");
        await second.DisconnectedAsync();

        Assert.Empty((await harness.Store.ReadDestinationAsync("/user/alice/queue/inbox", CancellationToken.None)).Members);
    }
}
