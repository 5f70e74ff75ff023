using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>A NUL in a header is refused on the way in and on the way out; nothing is echoed, nothing is delivered.</summary>
public sealed class NulInHeaderTests
{
    [Theory]
    [InlineData("SEND\ndestination:/topic/a\nreceipt:\0\n\nx\0")]
    [InlineData("SEND\ndestination:/topic/a\0\nreceipt:r\n\nx\0")]
    [InlineData("SUBSCRIBE\nid:0\0\ndestination:/topic/a\nreceipt:r\n\n\0")]
    public async Task STOMP_S18_S58_a_frame_with_NUL_in_a_header_gets_ERROR_and_close_and_nothing_is_echoed_or_delivered(string frame)
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0");
        var client = await harness.ConnectedClientAsync("c");

        var error = Assert.Single(await client.ExchangeAsync(frame));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("a header contains a NUL octet", error["message"]);
        Assert.DoesNotContain((byte)0, client.Last!.Reply.ToArray()[..^1]);
        Assert.True(client.Last.CloseAfterReply);
        Assert.Empty(subscriber.Delivered);
    }

    [Theory]
    [InlineData("sender", "a\0b")]
    [InlineData("x\0", "v")]
    [InlineData("", "v")]
    public async Task Publishing_a_header_with_NUL_or_an_empty_name_is_refused_before_anything_is_sent(string name, string value)
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0");

        await Assert.ThrowsAsync<ArgumentException>(async () => await harness.Engine.Publisher.PublishAsync("/topic/a", "x", [new(name, value)]));

        Assert.Empty(subscriber.Delivered);
    }
}
