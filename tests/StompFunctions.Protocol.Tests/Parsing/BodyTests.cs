using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Parsing;

public class BodyTests
{
    [Fact]
    public void STOMP_S10_ContentLengthBodyKeepsNulOctetsAndRequiresTheTerminatingNul()
    {
        byte[] body = [1, 0, 2, 0, 0, 0xFF];
        byte[] input = [.. Wire.Bytes("SEND\ndestination:/a\ncontent-length:6\n\n"), .. body, 0];

        var frame = Assert.Single(ReadOutcome.Read(input, StompVersion.V1_2).Frames);

        Assert.Equal(body, frame.Body);
    }

    [Fact]
    public void STOMP_S10_MissingNulAfterCountedBodyIsAnError()
    {
        var outcome = ReadOutcome.Read(Wire.Bytes("SEND\ncontent-length:2\n\nabc^@"), StompVersion.V1_2);

        Assert.Equal(StompParseError.MissingNulAfterBody, outcome.Error);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData(" 2")]
    [InlineData("2 ")]
    [InlineData("")]
    [InlineData("0x2")]
    [InlineData("+2")]
    public void InvalidContentLengthIsRejectedNeverIgnored(string value)
    {
        var outcome = ReadOutcome.Read(Wire.Bytes($"SEND\ncontent-length:{value}\n\nab^@"), StompVersion.V1_2);

        Assert.Equal(StompParseError.InvalidContentLength, outcome.Error);
    }

    [Theory]
    [InlineData("SUBSCRIBE\nid:0\ndestination:/a\n\nx^@")]
    [InlineData("RECEIPT\nreceipt-id:1\ncontent-length:1\n\nx^@")]
    [InlineData("CONNECT\n\nbody^@")]
    public void STOMP_S09_BodyIsOnlyAllowedOnSendMessageAndError(string text)
    {
        Assert.Equal(StompParseError.BodyNotAllowed, ReadOutcome.Read(Wire.Bytes(text), StompVersion.V1_2).Error);
    }

    [Fact]
    public void EmptyCountedBodyIsAllowedOnAnyCommand()
    {
        Assert.Single(ReadOutcome.Read(Wire.Bytes("SUBSCRIBE\nid:0\ncontent-length:0\n\n^@"), StompVersion.V1_2).Frames);
    }

    [Fact]
    public void BodyValidUtf8IsReported()
    {
        var reader = new StompFrameReader(StompVersion.V1_2);
        reader.TryRead(Wire.Bytes("SEND\n\nh\u00e9llo^@"), out var text, out _, out _);
        byte[] binaryInput = [.. Wire.Bytes("SEND\ncontent-length:1\n\n"), 0xFF, 0];
        reader.TryRead(binaryInput, out var binary, out _, out _);

        Assert.True(text.IsBodyValidUtf8());
        Assert.Equal("h\u00e9llo", text.GetBodyAsString());
        Assert.False(binary.IsBodyValidUtf8());
    }

    [Fact]
    public void DetachedFrameOwnsItsBytes()
    {
        var input = Wire.Bytes("SEND\ndestination:/a\n\nbody^@");
        new StompFrameReader(StompVersion.V1_2).TryRead(input, out var frame, out _, out _);

        var detached = frame.Detach();
        input.AsSpan().Clear();

        Assert.Equal("/a", detached.Headers["destination"]);
        Assert.Equal("body"u8.ToArray(), detached.Body.ToArray());
    }
}
