using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>SEND, SUBSCRIBE and UNSUBSCRIBE frames the engine refuses: each gets its ERROR (and the close after it).</summary>
public sealed class SubscribeAndSendRefusalTests
{
    [Fact]
    public async Task STOMP_S34_SEND_without_destination_gives_ERROR_with_receipt_id_then_close()
    {
        var publisher = await new EngineHarness().ConnectedClientAsync("pub");

        var error = Assert.Single(await publisher.ExchangeAsync("SEND\nreceipt:r-5\n\nx\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("r-5", error["receipt-id"]);
        Assert.True(publisher.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task SEND_to_a_destination_without_handler_or_broker_prefix_gives_ERROR()
    {
        var publisher = await new EngineHarness().ConnectedClientAsync("pub");

        var error = Assert.Single(await publisher.ExchangeAsync("SEND\ndestination:/nowhere\n\nx\0"));

        Assert.Equal("unknown destination", error["message"]);
        Assert.True(publisher.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task STOMP_S38_SUBSCRIBE_without_id_gives_ERROR()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\ndestination:/topic/a\n\n\0"));

        Assert.Equal("missing id", error["message"]);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task STOMP_S39_SUBSCRIBE_reusing_an_active_id_gives_ERROR()
    {
        var client = await new EngineHarness().ConnectedClientAsync();
        await client.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/b\n\n\0"));

        Assert.Equal("duplicate subscription id", error["message"]);
    }

    [Fact]
    public async Task STOMP_S40_an_unknown_ack_mode_gives_ERROR()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\nack:bogus\n\n\0"));

        Assert.Equal("invalid ack mode", error["message"]);
    }

    [Fact]
    public async Task STOMP_S44_after_UNSUBSCRIBE_nothing_is_delivered_and_the_id_can_be_reused()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");

        var receipt = Assert.Single(await subscriber.ExchangeAsync("UNSUBSCRIBE\nid:sub-0\nreceipt:u\n\n\0"));
        await publisher.ExchangeAsync("SEND\ndestination:/topic/a\n\nx\0");

        Assert.Equal("u", receipt["receipt-id"]);
        Assert.Empty(subscriber.Delivered);
        Assert.Empty((await harness.Store.ReadDestinationAsync("/topic/a", CancellationToken.None)).Members);
        Assert.Equal(StompCommand.Receipt, Assert.Single(await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\nreceipt:again\n\n\0")).Command);
    }

    [Fact]
    public async Task STOMP_S44_UNSUBSCRIBE_of_an_unknown_id_gives_ERROR()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("UNSUBSCRIBE\nid:nope\n\n\0"));

        Assert.Equal("unknown subscription", error["message"]);
    }
}
