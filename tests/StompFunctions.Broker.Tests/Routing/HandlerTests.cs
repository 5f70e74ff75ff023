using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Routing;

public sealed class HandlerTests
{
    [Fact]
    public async Task A_SEND_handler_gets_route_values_and_can_publish_to_a_broker_destination()
    {
        var harness = new EngineHarness(register: r => r.MapSend("/app/chat/{room}", async c =>
            await c.PublishAsync($"/topic/chat.{c.RouteValues["room"]}", $"{c.User}: {c.BodyText}")));
        var listener = await harness.ConnectedClientAsync("l");
        var sender = await harness.ConnectedClientAsync("s", userId: "ann");
        await listener.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/chat.lobby\n\n\0");

        var receipt = Assert.Single(await sender.ExchangeAsync("SEND\ndestination:/app/chat/lobby\nreceipt:r\n\nhi\0"));

        Assert.Equal(StompCommand.Receipt, receipt.Command);
        var message = Assert.Single(listener.Delivered);
        Assert.Equal("ann: hi", message.BodyText);
        Assert.Equal("text/plain;charset=utf-8", message["content-type"]);
    }

    [Fact]
    public async Task SendToSender_writes_a_MESSAGE_per_own_subscription_into_the_reply_before_the_RECEIPT()
    {
        var harness = new EngineHarness(register: r => r.MapSend("/app/echo", c =>
        {
            c.SendToSender("/topic/echo", c.Body);
            return ValueTask.CompletedTask;
        }));
        var sender = await harness.ConnectedClientAsync("s");
        var other = await harness.ConnectedClientAsync("o");
        await sender.ExchangeAsync("SUBSCRIBE\nid:me\ndestination:/topic/echo\n\n\0");
        await other.ExchangeAsync("SUBSCRIBE\nid:me\ndestination:/topic/echo\n\n\0");

        var reply = await sender.ExchangeAsync("SEND\ndestination:/app/echo\nreceipt:r\n\nping\0");

        Assert.Equal([StompCommand.Message, StompCommand.Receipt], reply.Select(f => f.Command));
        Assert.Equal(("me", "ping"), (reply[0]["subscription"], reply[0].BodyText));
        Assert.Empty(other.Delivered);
    }

    [Fact]
    public async Task A_handler_can_forward_the_SEND_to_subscribers_of_its_destination()
    {
        var seen = new List<string>();
        var harness = new EngineHarness(o => o.BrokerPrefixes.Clear(), r => r
            .MapSend("/audit/{*rest}", async c =>
            {
                seen.Add(c.RouteValues["rest"]);
                await c.ForwardAsync();
            })
            .MapSubscribe("/audit/{*rest}", _ => ValueTask.CompletedTask));
        var listener = await harness.ConnectedClientAsync("l");
        var sender = await harness.ConnectedClientAsync("s");
        await listener.ExchangeAsync("SUBSCRIBE\nid:x\ndestination:/audit/a/b\n\n\0");

        await sender.ExchangeAsync("SEND\ndestination:/audit/a/b\nx-h:1\n\nbody\0");

        Assert.Equal(["a/b"], seen);
        Assert.Equal("1", Assert.Single(listener.Delivered)["x-h"]);
    }

    [Fact]
    public async Task STOMP_S36_a_SEND_authorization_hook_rejection_gives_ERROR_then_close_and_nothing_is_sent()
    {
        var harness = new EngineHarness(register: r => r.AuthorizeSend(c =>
        {
            if (c.Destination.StartsWith("/topic/admin", StringComparison.Ordinal) && c.User != "root")
            {
                c.Reject("forbidden", "Only root may publish to admin topics.");
            }

            return ValueTask.CompletedTask;
        }));
        var listener = await harness.ConnectedClientAsync("l");
        var sender = await harness.ConnectedClientAsync("s", userId: "bob");
        await listener.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/topic/admin\n\n\0");

        var error = Assert.Single(await sender.ExchangeAsync("SEND\ndestination:/topic/admin\nreceipt:r\n\nx\0"));

        Assert.Equal(("forbidden", "r"), (error["message"], error["receipt-id"]));
        Assert.Equal("Only root may publish to admin topics.", error.BodyText);
        Assert.True(sender.Last!.CloseAfterReply);
        Assert.Empty(listener.Delivered);
    }

    [Fact]
    public async Task STOMP_S37_a_SUBSCRIBE_authorization_hook_rejection_gives_ERROR_and_no_group_join()
    {
        var harness = new EngineHarness(register: r => r.AuthorizeSubscribe(c =>
        {
            c.Reject("forbidden");
            return ValueTask.CompletedTask;
        }));
        var client = await harness.ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/topic/secret\n\n\0"));

        Assert.Equal("forbidden", error["message"]);
        Assert.True(client.Last!.CloseAfterReply);
        Assert.Empty(harness.Gateway.GetGroupMembers(StompGroupNames.For("/topic/secret", "a", StompAckMode.Auto)));
        Assert.Empty(await harness.Store.GetRoutesAsync("/topic/secret", CancellationToken.None));
    }

    [Fact]
    public async Task A_SUBSCRIBE_handler_reply_is_delivered_after_the_RECEIPT_on_the_new_subscription()
    {
        var harness = new EngineHarness(register: r => r.MapSubscribe("/app/snapshot/{id}", c =>
        {
            c.Reply(System.Text.Encoding.UTF8.GetBytes("state of " + c.RouteValues["id"]));
            return ValueTask.CompletedTask;
        }));
        var client = await harness.ConnectedClientAsync();

        var reply = await client.ExchangeAsync("SUBSCRIBE\nid:s1\ndestination:/app/snapshot/42\nreceipt:r\n\n\0");

        Assert.Equal([StompCommand.Receipt, StompCommand.Message], reply.Select(f => f.Command));
        Assert.Equal(("s1", "state of 42", "/app/snapshot/42"), (reply[1]["subscription"], reply[1].BodyText, reply[1]["destination"]));
    }

    [Fact]
    public async Task SUBSCRIBE_to_a_destination_without_handler_or_broker_prefix_gives_ERROR()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/app/nothing\n\n\0"));

        Assert.Equal("unknown destination", error["message"]);
    }

    [Fact]
    public async Task A_handler_that_throws_gives_an_ERROR_without_details_and_no_exception_escapes()
    {
        var harness = new EngineHarness(register: r => r.MapSend("/app/boom", _ => throw new InvalidOperationException("secret detail")));
        var client = await harness.ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("SEND\ndestination:/app/boom\n\nx\0"));

        Assert.Equal("internal server error", error["message"]);
        Assert.DoesNotContain("secret", error.BodyText, StringComparison.Ordinal);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task Middleware_runs_around_every_frame_in_registration_order_and_can_reject()
    {
        var log = new List<string>();
        var harness = new EngineHarness(register: r => r
            .Use(async (c, next) =>
            {
                log.Add("outer>" + c.Command.GetName());
                await next(c);
                log.Add("outer<");
            })
            .Use(async (c, next) =>
            {
                if (c.Headers["x-block"] is not null)
                {
                    c.Reject("blocked by middleware");
                    return;
                }

                log.Add("inner");
                await next(c);
            }));
        var client = await harness.ConnectedClientAsync();

        await client.ExchangeAsync("SEND\ndestination:/topic/a\n\nx\0");
        var error = Assert.Single(await client.ExchangeAsync("SEND\ndestination:/topic/a\nx-block:1\n\nx\0"));

        Assert.Equal(["outer>CONNECT", "inner", "outer<", "outer>SEND", "inner", "outer<", "outer>SEND", "outer<"], log);
        Assert.Equal("blocked by middleware", error["message"]);
    }

    [Fact]
    public void Registering_after_the_engine_was_built_is_refused()
    {
        var harness = new EngineHarness();

        Assert.Throws<InvalidOperationException>(() => harness.Handlers.MapSend("/app/x", _ => ValueTask.CompletedTask));
    }
}
