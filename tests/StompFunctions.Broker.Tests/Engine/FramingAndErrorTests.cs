using System.Text;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

public sealed class FramingAndErrorTests
{
    [Fact]
    public async Task STOMP_S66_a_frame_split_across_WebSocket_messages_is_reassembled_through_the_state()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");
        var body = new string('x', 40_000);
        var frame = Encoding.UTF8.GetBytes($"SEND\ndestination:/topic/a\nreceipt:r\n\n{body}\0");

        var replies = new List<ParsedFrame>();
        foreach (var chunk in frame.Chunk(16 * 1024))
        {
            replies.AddRange(ParsedFrame.ParseAll((await publisher.SendAsync(chunk, PayloadKind.Text)).Reply));
        }

        Assert.Equal("r", Assert.Single(replies)["receipt-id"]);
        Assert.Equal(body, Assert.Single(subscriber.Delivered).BodyText);
        Assert.DoesNotContain("\"p\"", Encoding.UTF8.GetString(Convert.FromBase64String(publisher.State!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task STOMP_S66_a_frame_split_inside_its_headers_completes_with_the_next_message()
    {
        var harness = new EngineHarness();
        var client = await harness.ConnectedClientAsync();

        var first = await client.SendAsync("SUBSCRIBE\nid:sub-0\ndesti");
        var second = ParsedFrame.ParseAll((await client.SendAsync("nation:/topic/a\nreceipt:r\n\n\0")).Reply);

        Assert.True(first.Reply.IsEmpty);
        Assert.True(first.ConnectionStateChanged);
        Assert.Equal("r", Assert.Single(second)["receipt-id"]);
    }

    [Fact]
    public async Task STOMP_S03_heart_beat_EOLs_between_and_around_frames_are_skipped()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var replies = await client.ExchangeAsync("\n\r\n\nSEND\ndestination:/topic/a\nreceipt:1\n\nx\0\n\n\nSEND\ndestination:/topic/a\nreceipt:2\n\ny\0\n");

        Assert.Equal(["1", "2"], replies.Select(r => r["receipt-id"]));
        Assert.False(client.Last!.ConnectionStateChanged);
    }

    [Fact]
    public async Task A_lone_heart_beat_is_answered_with_nothing()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var result = await client.SendAsync("\n");

        Assert.True(result.Reply.IsEmpty);
        Assert.False(result.CloseAfterReply);
        Assert.False(result.ConnectionStateChanged);
    }

    [Theory]
    [InlineData("send\ndestination:/topic/a\n\nx\0")]
    [InlineData("FOO\n\n\0")]
    public async Task STOMP_S02_S33_an_unknown_or_lower_case_command_gives_ERROR_and_close(string frame)
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync(frame));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task A_server_command_from_a_client_gives_ERROR()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("MESSAGE\ndestination:/topic/a\n\nx\0"));

        Assert.Equal(StompCommand.Error, error.Command);
    }

    [Fact]
    public async Task STOMP_S05_an_undefined_escape_is_a_fatal_protocol_error()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("SEND\ndestination:/topic/a\nk:a\\tb\n\nx\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task STOMP_S18_an_oversize_body_gives_ERROR_and_close_not_a_silent_drop()
    {
        var client = await new EngineHarness(o => o.Parsing = new StompParseOptions { MaxFrameBytes = 1024, MaxBodyBytes = 256 }).ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync($"SEND\ndestination:/topic/a\n\n{new string('x', 300)}\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Contains("256", error["message"], StringComparison.Ordinal);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task STOMP_S18_an_incomplete_frame_cannot_grow_the_state_beyond_the_frame_limit()
    {
        var client = await new EngineHarness(o => o.Parsing = new StompParseOptions { MaxFrameBytes = 1024, MaxBodyBytes = 1024 }).ConnectedClientAsync();

        await client.SendAsync("SEND\ndestination:/topic/a\n\n" + new string('x', 600));
        var error = Assert.Single(ParsedFrame.ParseAll((await client.SendAsync(new string('x', 600))).Reply));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task STOMP_S58_S59_S61_every_ERROR_has_a_message_a_typed_counted_body_and_closes()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:x\nreceipt:r-7\n\n\0"));

        Assert.Equal("missing destination", error["message"]);
        Assert.Equal("r-7", error["receipt-id"]);
        Assert.Equal("text/plain;charset=utf-8", error["content-type"]);
        Assert.Equal(error.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), error["content-length"]);
        Assert.NotEmpty(error.Body);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task Frames_after_an_ERROR_in_the_same_message_are_not_handled()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");

        var replies = await publisher.ExchangeAsync("SEND\n\nbad\0SEND\ndestination:/topic/a\n\nlater\0");

        Assert.Equal(StompCommand.Error, Assert.Single(replies).Command);
        Assert.Empty(subscriber.Delivered);
    }

    [Fact]
    public async Task STOMP_S52_DISCONNECT_answers_its_RECEIPT_then_the_connection_closes_and_later_frames_are_ignored()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        var client = await harness.ConnectedClientAsync("c");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\n\n\0");

        var replies = await client.ExchangeAsync("DISCONNECT\nreceipt:close-1\n\n\0SEND\ndestination:/topic/a\n\nignored\0");

        Assert.Equal(StompCommand.Receipt, Assert.Single(replies).Command);
        Assert.Equal("close-1", replies[0]["receipt-id"]);
        Assert.True(client.Last!.CloseAfterReply);
        Assert.Empty(subscriber.Delivered);
    }

    [Fact]
    public async Task A_corrupt_connection_state_gives_ERROR_and_close()
    {
        var harness = new EngineHarness();

        var result = await harness.Engine.HandleMessageAsync(new StompInboundMessage("c", null, "not-base64!", "SEND\ndestination:/topic/a\n\nx\0"u8.ToArray(), PayloadKind.Text));

        Assert.Equal(StompCommand.Error, Assert.Single(ParsedFrame.ParseAll(result.Reply)).Command);
        Assert.True(result.CloseAfterReply);
    }
}
