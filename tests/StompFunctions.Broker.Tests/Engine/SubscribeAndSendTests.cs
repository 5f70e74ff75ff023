using System.Text;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

public sealed class SubscribeAndSendTests
{
    [Fact]
    public async Task STOMP_S53_S55_a_SEND_reaches_a_subscriber_with_destination_message_id_subscription_and_body_headers()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/prices\n\n\0");

        var reply = await publisher.ExchangeAsync("SEND\ndestination:/topic/prices\ncontent-type:application/json\n\n{\"px\":101.5}\0");

        Assert.Empty(reply);
        var message = Assert.Single(subscriber.Delivered);
        Assert.Equal(StompCommand.Message, message.Command);
        Assert.Equal("/topic/prices", message["destination"]);
        Assert.Equal("sub-0", message["subscription"]);
        Assert.False(string.IsNullOrEmpty(message["message-id"]));
        Assert.Equal("application/json", message["content-type"]);
        Assert.Equal("12", message["content-length"]);
        Assert.Equal("{\"px\":101.5}", message.BodyText);
        Assert.False(message.Has("ack"));
    }

    [Fact]
    public async Task STOMP_S16_SUBSCRIBE_joins_the_group_before_its_RECEIPT_and_a_message_sent_after_the_RECEIPT_arrives()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");

        var receipt = Assert.Single(await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\nreceipt:r-1\n\n\0"));
        var group = StompGroupNames.For("/topic/a", "sub-0", StompAckMode.Auto);
        var membersAtReceipt = harness.Gateway.GetGroupMembers(group);
        await publisher.ExchangeAsync("SEND\ndestination:/topic/a\n\nhello\0");

        Assert.Equal(StompCommand.Receipt, receipt.Command);
        Assert.Equal("r-1", receipt["receipt-id"]);
        Assert.Contains("sub", membersAtReceipt);
        Assert.Equal("hello", Assert.Single(subscriber.Delivered).BodyText);
    }

    [Fact]
    public async Task SUBSCRIBE_records_the_route_and_the_member_in_the_store()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub", userId: "alice");

        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-3\ndestination:/topic/jobs\nack:client\n\n\0");

        var snapshot = await harness.Store.ReadDestinationAsync("/topic/jobs", CancellationToken.None);
        var route = Assert.Single(snapshot.Routes);
        Assert.Equal(("sub-3", StompAckMode.Client), (route.SubscriptionId, route.AckMode));
        var member = Assert.Single(snapshot.Members);
        Assert.Equal(("sub", "alice", route.Group), (member.ConnectionId, member.UserId, member.Group));
    }

    [Fact]
    public async Task Subscribers_sharing_an_id_and_ack_mode_share_one_group_send()
    {
        var harness = new EngineHarness();
        var first = await harness.ConnectedClientAsync("a");
        var second = await harness.ConnectedClientAsync("b");
        var other = await harness.ConnectedClientAsync("c");
        var publisher = await harness.ConnectedClientAsync("pub");
        await first.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/t\n\n\0");
        await second.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/t\n\n\0");
        await other.ExchangeAsync("SUBSCRIBE\nid:sub-7\ndestination:/topic/t\n\n\0");
        harness.Gateway.ClearOperations();

        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\n\nx\0");

        Assert.Equal(2, harness.Gateway.Operations.Count(o => o.Kind == GatewayOperationKind.SendToGroup));
        Assert.Equal("sub-0", Assert.Single(first.Delivered)["subscription"]);
        Assert.Equal("sub-0", Assert.Single(second.Delivered)["subscription"]);
        Assert.Equal("sub-7", Assert.Single(other.Delivered)["subscription"]);
        Assert.Equal(Assert.Single(first.Delivered)["message-id"], Assert.Single(other.Delivered)["message-id"]);
    }

    [Theory]
    [InlineData("client")]
    [InlineData("client-individual")]
    public async Task STOMP_S54_MESSAGE_carries_ack_in_client_modes(string mode)
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync($"SUBSCRIBE\nid:sub-0\ndestination:/queue/q\nack:{mode}\n\n\0");

        await publisher.ExchangeAsync("SEND\ndestination:/queue/q\n\nx\0");

        var message = Assert.Single(subscriber.Delivered);
        Assert.Equal("sub-0@" + message["message-id"], message["ack"]);
    }

    [Fact]
    public async Task STOMP_S35_user_headers_pass_through_and_transport_headers_do_not()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");

        await publisher.ExchangeAsync("SEND\ndestination:/topic/a\nx-a:1\nreceipt:r9\nmessage-id:forged\nsubscription:forged\nx-b:two words\n\nx\0");

        var message = Assert.Single(subscriber.Delivered);
        Assert.Equal("1", message["x-a"]);
        Assert.Equal("two words", message["x-b"]);
        Assert.False(message.Has("receipt"));
        Assert.NotEqual("forged", message["message-id"]);
        Assert.Equal("sub-0", message["subscription"]);
        Assert.Single(message.HeaderList, h => h.Key == "subscription");
    }

    [Fact]
    public async Task STOMP_S04_S06_S08_S15_header_values_are_unescaped_on_SEND_and_escaped_untrimmed_UTF8_on_MESSAGE()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");

        await publisher.ExchangeAsync("SEND\ndestination:/topic/a\nk:a\\cb\\nc\nsp: v \nutf:h\u00e9\u4e2d\n\nb\u00f6dy\0");

        var message = Assert.Single(subscriber.Delivered);
        Assert.Equal("a:b\nc", message["k"]);
        Assert.Equal(" v ", message["sp"]);
        Assert.Equal("h\u00e9\u4e2d", message["utf"]);
        Assert.Equal("b\u00f6dy", message.BodyText);
        var raw = Encoding.UTF8.GetString(subscriber.Connection.Received[0].Payload.Span);
        Assert.Contains("k:a\\cb\\nc\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task STOMP_S10_S12_a_body_with_NUL_octets_is_delivered_intact_with_content_length()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");

        await publisher.ExchangeAsync("SEND\ndestination:/topic/a\ncontent-length:5\n\na\0b\0c\0");

        var message = Assert.Single(subscriber.Delivered);
        Assert.Equal("a\0b\0c"u8.ToArray(), message.Body);
        Assert.Equal("5", message["content-length"]);
    }

    [Fact]
    public async Task STOMP_S14_a_body_that_is_not_UTF8_goes_out_binary_and_byte_exact()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/bin\n\n\0");
        byte[] body = [0xff, 0xfe, 0x00, 0x80];
        var frame = Encoding.UTF8.GetBytes("SEND\ndestination:/topic/bin\ncontent-length:4\n\n").Concat(body).Append((byte)0).ToArray();

        await publisher.SendAsync(frame);

        Assert.Equal(PayloadKind.Binary, Assert.Single(subscriber.Connection.Received).Kind);
        Assert.Equal(body, Assert.Single(subscriber.Delivered).Body);
        Assert.False(Assert.Single(subscriber.Delivered).Has("content-type"));
    }

    [Fact]
    public async Task STOMP_S17_the_first_of_repeated_destination_headers_wins()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/first\n\n\0");

        await publisher.ExchangeAsync("SEND\ndestination:/topic/first\ndestination:/topic/second\n\nx\0");

        Assert.Equal("/topic/first", Assert.Single(subscriber.Delivered)["destination"]);
    }

    [Fact]
    public async Task STOMP_S16_S56_SEND_with_receipt_gets_a_RECEIPT_with_the_same_escaped_value_and_no_body()
    {
        var harness = new EngineHarness();
        var publisher = await harness.ConnectedClientAsync("pub");

        var receipt = Assert.Single(await publisher.ExchangeAsync("SEND\ndestination:/topic/none\nreceipt:r\\c1\n\nx\0"));

        Assert.Equal(StompCommand.Receipt, receipt.Command);
        Assert.Equal("r:1", receipt["receipt-id"]);
        Assert.Empty(receipt.Body);
    }

    [Fact]
    public async Task STOMP_S62_frames_of_one_message_are_handled_in_order_and_the_RECEIPT_follows_earlier_SENDs()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");

        var reply = await publisher.ExchangeAsync("SEND\ndestination:/topic/a\n\na\0\n\nSEND\ndestination:/topic/a\nreceipt:b\n\nb\0");

        Assert.Equal("b", Assert.Single(reply)["receipt-id"]);
        Assert.Equal(["a", "b"], subscriber.Delivered.Select(m => m.BodyText));
    }

    [Fact]
    public async Task The_subscriber_state_lists_its_subscriptions_and_unchanged_state_is_returned_as_is()
    {
        var harness = new EngineHarness();
        var client = await harness.ConnectedClientAsync();
        await client.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");
        var state = client.State;

        // A SEND nobody receives claims nothing, so it changes nothing (a delivered one records its event claim).
        var result = await client.SendAsync("SEND\ndestination:/topic/nobody\n\nx\0");

        Assert.False(result.ConnectionStateChanged);
        Assert.Equal(state, result.ConnectionState);
    }
}
