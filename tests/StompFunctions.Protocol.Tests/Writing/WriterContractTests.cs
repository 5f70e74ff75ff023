using System.Buffers;
using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Writing;

public class WriterContractTests
{
    private static string Text(ArrayBufferWriter<byte> buffer) => Wire.Text(buffer.WrittenSpan);

    [Fact]
    public void Version10WritesHeadersVerbatim()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = StompFrameWriter.Begin(buffer, StompVersion.V1_0, StompCommand.Message);
        w.WriteHeader("k", "a\\b:c");
        w.End();

        Assert.Equal("MESSAGE\nk:a\\b:c\n\n^@", Text(buffer));
    }

    [Theory]
    [InlineData(StompCommand.Connect)]
    [InlineData(StompCommand.Stomp)]
    public void STOMP_S07_ConnectFramesAreWrittenUnescaped(StompCommand command)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = StompFrameWriter.Begin(buffer, StompVersion.V1_2, command);
        w.WriteHeader("passcode", "p\\cw:x");
        w.End();

        Assert.EndsWith("\npasscode:p\\cw:x\n\n^@", Text(buffer), StringComparison.Ordinal);
    }

    [Fact]
    public void ContentLengthWrittenByTheCallerIsRefusedBecauseTheWriterOwnsIt()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var threw = false;
        try
        {
            var w = StompFrameWriter.Begin(buffer, StompVersion.V1_2, StompCommand.Send);
            w.WriteHeader("content-length", "3");
        }
        catch (ArgumentException)
        {
            threw = true;
        }

        Assert.True(threw);
    }

    [Fact]
    public void HeaderAfterEndIsRefused()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var threw = false;
        try
        {
            var w = StompFrameWriter.Begin(buffer, StompVersion.V1_2, StompCommand.Send);
            w.End();
            w.WriteHeader("k", "v");
        }
        catch (InvalidOperationException)
        {
            threw = true;
        }

        Assert.True(threw);
    }

    [Fact]
    public void MultiSegmentBodyIsWrittenWithItsTotalLength()
    {
        var body = Sequences.FromSegments([new byte[] { 1, 0 }, new byte[] { 2 }, new byte[] { 0, 3 }]);
        var buffer = new ArrayBufferWriter<byte>();
        var w = StompFrameWriter.Begin(buffer, StompVersion.V1_2, StompCommand.Message);
        w.End(body);

        var frame = Assert.Single(ReadOutcome.Read(buffer.WrittenSpan.ToArray(), StompVersion.V1_2).Frames);
        Assert.Equal([1, 0, 2, 0, 3], frame.Body);
    }

    [Fact]
    public void HeartBeatIsOneLf()
    {
        var buffer = new ArrayBufferWriter<byte>();
        StompFrameWriter.WriteHeartBeat(buffer);

        Assert.Equal("\n", Text(buffer));
    }

    [Fact]
    public void HeaderWithLfCopiedFromA12SendIntoA10MessageIsSkippedAndCounted()
    {
        new StompFrameReader(StompVersion.V1_2).TryRead(Wire.Bytes("SEND\ndestination:/q\nx:a\\nb\ny:ok\n\n^@"), out var send, out _, out _);
        var buffer = new ArrayBufferWriter<byte>();
        var w = StompFrameWriter.Begin(buffer, StompVersion.V1_0, StompCommand.Message);

        var skipped = w.CopyHeaders(send.Headers);
        w.End();

        Assert.Equal(1, skipped);
        Assert.Equal("MESSAGE\ndestination:/q\ny:ok\n\n^@", Text(buffer));
    }

    [Fact]
    public void WholeFrameWriteCopiesAParsedFrame()
    {
        var input = Wire.Bytes("ERROR\nmessage:a\\cb\ncontent-length:2\n\nhi^@");
        new StompFrameReader(StompVersion.V1_2).TryRead(input, out var frame, out _, out _);
        var buffer = new ArrayBufferWriter<byte>();

        StompFrameWriter.Write(buffer, StompVersion.V1_2, frame);

        Assert.Equal(Wire.Text(input), Text(buffer));
    }

    [Fact]
    public void STOMP_S15_NonAsciiHeadersAndBodyRoundTrip()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = StompFrameWriter.Begin(buffer, StompVersion.V1_2, StompCommand.Message);
        w.WriteHeader("cl\u00e9", "\u65e5\u672c\u8a9e \U0001F600");
        w.End("\u00fcber"u8);

        var frame = Assert.Single(ReadOutcome.Read(buffer.WrittenSpan.ToArray(), StompVersion.V1_2).Frames);
        Assert.Equal(new KeyValuePair<string, string>("cl\u00e9", "\u65e5\u672c\u8a9e \U0001F600"), frame.Headers[0]);
        Assert.Equal("\u00fcber"u8.ToArray(), frame.Body);
    }
}
