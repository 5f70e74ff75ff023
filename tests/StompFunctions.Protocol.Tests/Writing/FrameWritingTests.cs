using System.Buffers;
using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Writing;

public class FrameWritingTests
{
    private static string Write(StompVersion version, StompCommand command, Action<ArrayBufferWriter<byte>, StompVersion, StompCommand> build)
    {
        var buffer = new ArrayBufferWriter<byte>();
        build(buffer, version, command);
        return Wire.Text(buffer.WrittenSpan);
    }

    [Fact]
    public void STOMP_S06_EscapesHeaderNamesAndValuesOfServerFramesInVersion12()
    {
        var text = Write(StompVersion.V1_2, StompCommand.Message, (b, v, c) =>
        {
            var w = StompFrameWriter.Begin(b, v, c);
            w.WriteHeader("a:b", "x:y\r\n\\z");
            w.End();
        });

        Assert.Equal("MESSAGE\na\\cb:x\\cy\\r\\n\\\\z\n\n^@", text);
    }

    [Fact]
    public void STOMP_S06_Version11EscapesWithoutCr()
    {
        var text = Write(StompVersion.V1_1, StompCommand.Message, (b, v, c) =>
        {
            var w = StompFrameWriter.Begin(b, v, c);
            w.WriteHeader("k", "x:\r\n");
            w.End();
        });

        Assert.Equal("MESSAGE\nk:x\\c\r\\n\n\n^@", text);
    }

    [Fact]
    public void STOMP_S07_ConnectedHeadersAreNeverEscaped()
    {
        var text = Write(StompVersion.V1_2, StompCommand.Connected, (b, v, c) =>
        {
            var w = StompFrameWriter.Begin(b, v, c);
            w.WriteHeader("version", "1.2");
            w.WriteHeader("server", "a\\b:c");
            w.End();
        });

        Assert.Equal("CONNECTED\nversion:1.2\nserver:a\\b:c\n\n^@", text);
    }

    [Fact]
    public void STOMP_S11_STOMP_S12_ContentLengthIsWrittenForEveryBodyInOctets()
    {
        var text = Write(StompVersion.V1_2, StompCommand.Message, (b, v, c) =>
        {
            var w = StompFrameWriter.Begin(b, v, c);
            w.WriteHeader("destination"u8, "/t"u8);
            w.End("\u00e9\0x"u8);
        });

        Assert.Equal("MESSAGE\ndestination:/t\ncontent-length:4\n\n\u00e9^@x^@", text);
    }

    [Fact]
    public void STOMP_S09_ReceiptWithABodyIsRefused()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var threw = false;
        try
        {
            var w = StompFrameWriter.Begin(buffer, StompVersion.V1_2, StompCommand.Receipt);
            w.WriteHeader("receipt-id"u8, "1"u8);
            w.End("x"u8);
        }
        catch (ArgumentException)
        {
            threw = true;
        }

        Assert.True(threw);
    }

    [Fact]
    public void HeaderThatCannotBeRepresentedWithoutEscapingIsRefusedAndNothingIsWritten()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = StompFrameWriter.Begin(buffer, StompVersion.V1_0, StompCommand.Message);
        var before = buffer.WrittenCount;

        Assert.False(w.TryWriteHeader("k"u8, "a\nb"u8));
        Assert.Equal(before, buffer.WrittenCount);
        Assert.True(w.TryWriteHeader("k"u8, "a:b"u8));
    }

    [Fact]
    public void MessageBuiltFromASendCopiesItsHeadersReescapedAndRecomputesContentLength()
    {
        new StompFrameReader(StompVersion.V1_1).TryRead(
            Wire.Bytes("SEND\ndestination:/q\nx-a:1\\c2\ncontent-length:2\n\nhi^@"), out var send, out _, out _);
        var buffer = new ArrayBufferWriter<byte>();

        var w = StompFrameWriter.Begin(buffer, StompVersion.V1_2, StompCommand.Message);
        w.WriteHeader("subscription"u8, "sub-0"u8);
        w.WriteHeader("message-id"u8, 7);
        w.CopyHeaders(send.Headers);
        w.End(send.Body.Span);

        Assert.Equal("MESSAGE\nsubscription:sub-0\nmessage-id:7\ndestination:/q\nx-a:1\\c2\ncontent-length:2\n\nhi^@", Wire.Text(buffer.WrittenSpan));
    }

    [Fact]
    public void WriterOutputReadsBackAsTheSameFrame()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = StompFrameWriter.Begin(buffer, StompVersion.V1_2, StompCommand.Error);
        w.WriteHeader("message", "bad: frame\nreally");
        w.WriteHeader("receipt-id", "r\\1");
        w.End([0, 1, 2]);

        var frame = Assert.Single(ReadOutcome.Read(buffer.WrittenSpan.ToArray(), StompVersion.V1_2).Frames);

        Assert.Equal([new("message", "bad: frame\nreally"), new("receipt-id", "r\\1"), new("content-length", "3")], frame.Headers);
        Assert.Equal([0, 1, 2], frame.Body);
    }
}
