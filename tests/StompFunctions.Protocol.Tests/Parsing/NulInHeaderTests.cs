using System.Buffers;
using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Parsing;

/// <summary>
/// NUL in a header: the grammar lets it through, but no version can escape it and it ends the frame for many peers,
/// so the codec refuses it both ways: the reader rejects the frame, the writer never writes one.
/// </summary>
public class NulInHeaderTests
{
    [Theory]
    [InlineData("SEND\ndestination:/topic/a\nreceipt:^@\n\n^@", StompVersion.V1_2)]
    [InlineData("SEND\ndestination:/topic/a\nreceipt:a^@b\n\n^@", StompVersion.V1_2)]
    [InlineData("SEND\ndestination:/topic/a^@/x\n\n^@", StompVersion.V1_1)]
    [InlineData("SEND\nna^@me:v\ndestination:/topic/a\n\n^@", StompVersion.V1_0)]
    [InlineData("SUBSCRIBE\nid:0^@\ndestination:/topic/a\n\n^@", StompVersion.V1_2)]
    [InlineData("CONNECT\naccept-version:1.2\nlogin:a^@\n\n^@", StompVersion.V1_2)]
    public void STOMP_S18_a_header_holding_NUL_is_rejected_with_the_same_error_however_the_input_is_split(string text, StompVersion version)
    {
        var outcome = Harness.AssertEveryPresentationAgrees(Wire.Bytes(text), version);

        Assert.Equal(StompParseError.NulInHeader, outcome.Error);
        Assert.Equal("a header contains a NUL octet", StompParseFailure.For(StompParseError.NulInHeader).Message);
    }

    [Fact]
    public void STOMP_S10_a_NUL_in_a_counted_body_is_still_fine()
    {
        var outcome = ReadOutcome.Read(Wire.Bytes("SEND\ndestination:/topic/a\ncontent-length:3\n\na^@b^@"), StompVersion.V1_2);

        Assert.Equal(StompParseError.None, outcome.Error);
    }

    [Theory]
    [InlineData(StompVersion.V1_0)]
    [InlineData(StompVersion.V1_1)]
    [InlineData(StompVersion.V1_2)]
    public void The_writer_never_writes_a_header_holding_NUL(StompVersion version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = StompFrameWriter.Begin(buffer, version, StompCommand.Receipt);

        Assert.False(writer.TryWriteHeader("receipt-id"u8, "a\0"u8));
        Assert.False(writer.TryWriteHeader("a\0"u8, "v"u8));
        Assert.True(writer.TryWriteHeader("receipt-id"u8, "a"u8));
        writer.End();

        Assert.Equal("RECEIPT\nreceipt-id:a\n\n^@", Wire.Text(buffer.WrittenSpan));
    }
}
