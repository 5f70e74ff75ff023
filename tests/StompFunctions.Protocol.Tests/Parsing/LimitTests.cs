using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Parsing;

public class LimitTests
{
    private static readonly StompParseOptions Small = new()
    {
        MaxFrameBytes = 100,
        MaxHeaderCount = 3,
        MaxHeaderLineBytes = 20,
        MaxBodyBytes = 40,
    };

    [Theory]
    [InlineData("SEND\na:1\nb:2\nc:3\nd:4\n\n^@", StompParseError.TooManyHeaders)]
    [InlineData("SEND\nk:123456789012345678901\n\n^@", StompParseError.HeaderLineTooLong)]
    [InlineData("SEND\ncontent-length:41\n\n^@", StompParseError.BodyTooLarge)]
    [InlineData("SEND\ncontent-length:99999\n\n^@", StompParseError.BodyTooLarge)]
    [InlineData("SEND\n\n12345678901234567890123456789012345678901^@", StompParseError.BodyTooLarge)]
    [InlineData("SEND\nk:1234567890123456\nk:1234567890123456\nk:1234567890123456\n\n1234567890123456789012345678901234567890^@", StompParseError.FrameTooLarge)]
    [InlineData("SEND\nk:1234567890123456\nk:1234567890123456\nk:1234567890123456\ncontent-length:40\n\n1234567890123456789012345678901234567890^@", StompParseError.TooManyHeaders)]
    [InlineData("SEND\nk:1234567890123456\nk:1234567890123456\ncontent-length:40\n\n1234567890123456789012345678901234567890^@", StompParseError.FrameTooLarge)]
    public void STOMP_S18_LimitsAreEnforcedWithTheSameErrorHoweverTheInputIsSplit(string text, StompParseError expected)
    {
        var outcome = Harness.AssertEveryPresentationAgrees(Wire.Bytes(text), StompVersion.V1_2, Small);

        Assert.Equal(expected, outcome.Error);
    }

    [Fact]
    public void STOMP_S18_LimitBitesBeforeTheRestOfTheFrameArrives()
    {
        // Only the headers have arrived: content-length alone already breaks the body limit.
        Assert.Equal(StompParseError.BodyTooLarge, ReadOutcome.Read(Wire.Bytes("SEND\ncontent-length:1000\n\nabc"), StompVersion.V1_2, Small).Error);

        // A header line with no end in sight is rejected once it passes the line limit.
        Assert.Equal(StompParseError.HeaderLineTooLong, ReadOutcome.Read(Wire.Bytes("SEND\nk:" + new string('x', 30)), StompVersion.V1_2, Small).Error);

        // A NUL-terminated body is rejected once it passes the body limit, without waiting for the NUL.
        Assert.Equal(StompParseError.BodyTooLarge, ReadOutcome.Read(Wire.Bytes("SEND\n\n" + new string('x', 41)), StompVersion.V1_2, Small).Error);
    }

    [Fact]
    public void LineAtExactlyTheLimitWithCrLfIsAccepted()
    {
        var outcome = Harness.AssertEveryPresentationAgrees(Wire.Bytes("SEND\r\nk:123456789012345678\r\n\r\n^@"), StompVersion.V1_2, Small);

        Assert.Single(outcome.Frames);
    }

    [Fact]
    public void FrameAtExactlyTheLimitIsAccepted()
    {
        var body = new string('b', 40);
        var head = "SEND\nk:" + new string('h', 18) + "\nk:" + new string('h', 18) + "\n\n";
        var padding = new string('p', 100 - head.Length - body.Length - 1 - 3);
        var text = head.Replace("\n\n", "\nx:" + padding + "\n\n", StringComparison.Ordinal) + body + "^@";

        var outcome = Harness.AssertEveryPresentationAgrees(Wire.Bytes(text), StompVersion.V1_2, Small);

        Assert.Single(outcome.Frames);
        Assert.Equal(100, outcome.Consumed);
        Assert.Equal(StompParseError.FrameTooLarge, ReadOutcome.Read(Wire.Bytes(text.Replace("\nx:", "\nx:p", StringComparison.Ordinal)), StompVersion.V1_2, Small).Error);
    }

    [Fact]
    public void HugeContentLengthIsTooLargeNotAnOverflow()
    {
        Assert.Equal(StompParseError.BodyTooLarge, ReadOutcome.Read(Wire.Bytes("SEND\ncontent-length:99999999999999999999999\n\n^@"), StompVersion.V1_2).Error);
    }

    [Fact]
    public void DefaultsFitOneWebPubSubMessage()
    {
        Assert.Equal(1024 * 1024, StompParseOptions.Default.MaxFrameBytes);
        Assert.True(StompParseOptions.Default.MaxBodyBytes <= StompParseOptions.Default.MaxFrameBytes);
    }

    [Fact]
    public void InvalidOptionsAreRejectedWhenTheReaderIsCreated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StompFrameReader(StompVersion.V1_2, new StompParseOptions { MaxFrameBytes = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StompFrameReader(StompVersion.V1_2, new StompParseOptions { MaxHeaderCount = 0 }));
    }

    [Fact]
    public void LimitMessageNamesTheLimit()
    {
        Assert.Contains("40", StompParseFailure.For(StompParseError.BodyTooLarge, Small).Message, StringComparison.Ordinal);
    }
}
