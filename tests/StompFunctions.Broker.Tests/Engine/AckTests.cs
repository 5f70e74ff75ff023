using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

public sealed class AckTests
{
    private readonly List<(string Kind, string Subscription, string MessageId, bool Cumulative)> _acks = [];

    private EngineHarness Harness() => new(register: r => r.OnAck(c =>
    {
        _acks.Add((c.IsNack ? "NACK" : "ACK", c.SubscriptionId, c.MessageId, c.IsCumulative));
        return ValueTask.CompletedTask;
    }));

    [Fact]
    public async Task STOMP_S45_a_1_2_ACK_names_the_MESSAGE_ack_value_and_is_accepted_with_its_receipt()
    {
        var harness = Harness();
        var client = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await client.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/queue/q\nack:client-individual\n\n\0");
        await publisher.ExchangeAsync("SEND\ndestination:/queue/q\n\nx\0");
        var message = Assert.Single(client.Delivered);

        var receipt = Assert.Single(await client.ExchangeAsync($"ACK\nid:{message["ack"]}\nsubscription:sub-0\nreceipt:a1\n\n\0"));

        Assert.Equal("a1", receipt["receipt-id"]);
        Assert.Equal(("ACK", "sub-0", message["message-id"]!, false), Assert.Single(_acks));
    }

    [Fact]
    public async Task STOMP_S41_S47_client_mode_ACK_and_NACK_are_cumulative()
    {
        var harness = Harness();
        var client = await harness.ConnectedClientAsync("sub");
        await client.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/q\nack:client\n\n\0");

        await client.ExchangeAsync("NACK\nid:s@m-1\n\n\0");

        Assert.Equal(("NACK", "s", "m-1", true), Assert.Single(_acks));
    }

    [Fact]
    public async Task STOMP_S42_client_individual_ACK_is_not_cumulative()
    {
        var harness = Harness();
        var client = await harness.ConnectedClientAsync("sub");
        await client.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/q\nack:client-individual\n\n\0");

        await client.ExchangeAsync("ACK\nid:s@m-3\n\n\0");

        Assert.False(Assert.Single(_acks).Cumulative);
    }

    [Theory]
    [InlineData("ACK\nsubscription:s\n\n\0", "missing id")]
    [InlineData("ACK\nid:nonsense\n\n\0", "unknown ack id")]
    [InlineData("ACK\nid:other@m-1\n\n\0", "unknown subscription")]
    [InlineData("ACK\nid:auto@m-1\n\n\0", "unknown subscription")]
    public async Task STOMP_S45_an_ACK_that_names_no_delivery_of_this_connection_gives_ERROR(string ack, string message)
    {
        var harness = Harness();
        var client = await harness.ConnectedClientAsync("sub");
        await client.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/q\nack:client\n\n\0SUBSCRIBE\nid:auto\ndestination:/queue/r\n\n\0");

        var error = Assert.Single(await client.ExchangeAsync(ack));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal(message, error["message"]);
        Assert.True(client.Last!.CloseAfterReply);
        Assert.Empty(_acks);
    }

    [Fact]
    public async Task STOMP_S64_a_1_1_ACK_uses_message_id_and_subscription()
    {
        var harness = Harness();
        var client = await harness.ConnectedClientAsync("sub", acceptVersion: "1.1");
        await client.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/q\nack:client\n\n\0");

        await client.ExchangeAsync("ACK\nmessage-id:m-9\nsubscription:s\n\n\0");
        var error = Assert.Single(await client.ExchangeAsync("ACK\nmessage-id:m-10\n\n\0"));

        Assert.Equal(("ACK", "s", "m-9", true), Assert.Single(_acks));
        Assert.Equal("missing subscription", error["message"]);
    }

    [Fact]
    public async Task STOMP_S63_a_1_0_session_acks_by_message_id_subscribes_without_id_and_has_no_NACK()
    {
        var harness = Harness();
        var client = harness.Client();
        Assert.Equal("1.0", Assert.Single(await client.ExchangeAsync("CONNECT\nlogin:x\n\n\0"))["version"]);

        await client.ExchangeAsync("SUBSCRIBE\ndestination:/queue/q\nack:client\n\n\0");
        await client.ExchangeAsync("ACK\nmessage-id:m-1\n\n\0");
        var nack = Assert.Single(await client.ExchangeAsync("NACK\nmessage-id:m-2\n\n\0"));

        Assert.Equal(("ACK", "/queue/q", "m-1", true), Assert.Single(_acks));
        Assert.Equal(StompCommand.Error, nack.Command);
    }

    [Fact]
    public async Task STOMP_S63_a_1_0_session_unsubscribes_by_destination()
    {
        var harness = Harness();
        var client = harness.Client();
        await client.ExchangeAsync("CONNECT\n\n\0");
        await client.ExchangeAsync("SUBSCRIBE\ndestination:/topic/a\n\n\0");

        var receipt = Assert.Single(await client.ExchangeAsync("UNSUBSCRIBE\ndestination:/topic/a\nreceipt:u\n\n\0"));

        Assert.Equal(StompCommand.Receipt, receipt.Command);
        Assert.Empty((await harness.Store.ReadDestinationAsync("/topic/a", CancellationToken.None)).Members);
    }
}
