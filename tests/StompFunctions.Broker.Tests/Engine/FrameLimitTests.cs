using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>
/// The frame limits, the same deployed and local: a whole frame up to 1 MiB (one Web PubSub message) by default,
/// and a smaller bound on the tail of a frame split across messages, which travels in the connection state.
/// </summary>
public sealed class FrameLimitTests
{
    [Fact]
    public async Task STOMP_S18_by_default_a_frame_of_almost_1_MiB_in_one_message_is_delivered()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");
        var body = new string('x', 1000 * 1024);

        var replies = await publisher.ExchangeAsync($"SEND\ndestination:/topic/a\nreceipt:r\n\n{body}\0");

        Assert.Equal("r", Assert.Single(replies)["receipt-id"]);
        Assert.Equal(body.Length, Assert.Single(subscriber.Delivered).BodyText.Length);
    }

    [Fact]
    public async Task STOMP_S66_a_split_frame_whose_kept_tail_stays_within_MaxPendingFrameBytes_is_reassembled()
    {
        var harness = new EngineHarness(o => o.MaxPendingFrameBytes = 64 * 1024);
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");
        var frame = Encoding.UTF8.GetBytes($"SEND\ndestination:/topic/a\nreceipt:r\n\n{new string('y', 100 * 1024)}\0");

        var first = await publisher.SendAsync(frame.AsMemory(0, 60 * 1024).ToArray(), PayloadKind.Text);
        var second = await publisher.SendAsync(frame.AsMemory(60 * 1024).ToArray(), PayloadKind.Text);

        Assert.True(first.Reply.IsEmpty);
        Assert.Equal("r", Assert.Single(ParsedFrame.ParseAll(second.Reply))["receipt-id"]);
        Assert.Single(subscriber.Delivered);
    }

    [Fact]
    public async Task STOMP_S18_a_split_frame_tail_past_MaxPendingFrameBytes_gets_ERROR_and_close_and_is_not_kept()
    {
        var harness = new EngineHarness(o => o.MaxPendingFrameBytes = 64 * 1024);
        var client = await harness.ConnectedClientAsync();

        var result = await client.SendAsync(Encoding.UTF8.GetBytes($"SEND\ndestination:/topic/a\n\n{new string('z', 70 * 1024)}"), PayloadKind.Text);

        var error = Assert.Single(ParsedFrame.ParseAll(result.Reply));
        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("frame too large", error["message"]);
        Assert.Contains("65536", error.BodyText, StringComparison.Ordinal);
        Assert.True(result.CloseAfterReply);
        Assert.True(client.State is null || client.State.Length < 1024, "the tail must not travel in the state");
    }

    [Fact]
    public void A_pending_frame_limit_that_cannot_fit_the_connection_state_fails_validation_naming_both_settings()
    {
        var services = new ServiceCollection();
        services.AddStomp(o =>
        {
            o.MaxPendingFrameBytes = 200 * 1024;
            o.MaxConnectionStateBytes = 256 * 1024;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<StompEngine>());

        Assert.Contains("MaxPendingFrameBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConnectionStateBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_take_a_whole_1_MiB_frame_and_keep_at_most_128_KiB_of_a_split_one()
    {
        var options = new StompBrokerOptions();

        Assert.Equal(StompParseOptions.DefaultMaxFrameBytes, options.Parsing.MaxFrameBytes);
        Assert.Equal(StompParseOptions.DefaultMaxFrameBytes, options.Parsing.MaxBodyBytes);
        Assert.Equal(128 * 1024, options.MaxPendingFrameBytes);
    }
}
