using System.Buffers;
using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Parsing;

public class FrameReadingTests
{
    [Fact]
    public void ReadsSendWithHeadersAndNulTerminatedBody()
    {
        var outcome = ReadOutcome.Read(Wire.Bytes("SEND\ndestination:/queue/a\ncontent-type:text/plain\n\nhello^@"), StompVersion.V1_2);

        Assert.Equal(OperationStatus.NeedMoreData, outcome.Status);
        var frame = Assert.Single(outcome.Frames);
        Assert.Equal(StompCommand.Send, frame.Command);
        Assert.Equal([new("destination", "/queue/a"), new("content-type", "text/plain")], frame.Headers);
        Assert.Equal("hello"u8.ToArray(), frame.Body);
    }

    [Fact]
    public void STOMP_S03_AcceptsAnyNumberOfEolsAfterAFrameAndBetweenFrames()
    {
        var input = Wire.Bytes("\n\nSEND\ndestination:/a\n\n1^@\n\n\nSEND\ndestination:/b\n\n2^@\r\n\n");

        var outcome = ReadOutcome.Read(input, StompVersion.V1_2);

        Assert.Equal(2, outcome.Frames.Count);
        Assert.Equal(input.Length, outcome.Consumed);
    }

    [Fact]
    public void STOMP_S66_ReadsEveryFrameOfAPayloadAndKeepsTheIncompleteTailUnconsumed()
    {
        var first = Wire.Bytes("SEND\ndestination:/a\n\none^@");
        var tail = Wire.Bytes("SEND\ndestination:/b\ncontent-length:3\n\ntw");

        var outcome = ReadOutcome.Read([.. first, .. tail], StompVersion.V1_2);

        Assert.Equal(OperationStatus.NeedMoreData, outcome.Status);
        Assert.Single(outcome.Frames);
        Assert.Equal(first.Length, outcome.Consumed);

        var resumed = ReadOutcome.Read([.. tail, .. Wire.Bytes("o^@")], StompVersion.V1_2);
        Assert.Equal("two"u8.ToArray(), Assert.Single(resumed.Frames).Body);
    }

    [Fact]
    public void STOMP_S01_AcceptsCrLfLineEndsInVersion12()
    {
        var outcome = ReadOutcome.Read(Wire.Bytes("CONNECT\r\naccept-version:1.2\r\nhost:h\r\n\r\n^@"), StompVersion.V1_2);

        var frame = Assert.Single(outcome.Frames);
        Assert.Equal(StompCommand.Connect, frame.Command);
        Assert.Equal([new("accept-version", "1.2"), new("host", "h")], frame.Headers);
    }

    [Theory]
    [InlineData(StompVersion.V1_0)]
    [InlineData(StompVersion.V1_1)]
    public void STOMP_S64_TreatsCrAsAnOrdinaryOctetBeforeVersion12(StompVersion version)
    {
        var outcome = ReadOutcome.Read(Wire.Bytes("SEND\ndestination:/a\r\n\n^@"), version);

        Assert.Equal([new("destination", "/a\r")], Assert.Single(outcome.Frames).Headers);
        Assert.Equal(StompParseError.UnknownCommand, ReadOutcome.Read(Wire.Bytes("SEND\r\n\n^@"), version).Error);
    }

    [Theory]
    [InlineData("send\n\n^@")]
    [InlineData("Send\n\n^@")]
    [InlineData("FOO\n\n^@")]
    [InlineData("\n\nSEND \n\n^@")]
    [InlineData("SUBSCRIBE_TOO_LONG_TO_BE_A_COMMAND")]
    public void STOMP_S02_STOMP_S33_RejectsUnknownOrWrongCaseCommands(string text)
    {
        var outcome = ReadOutcome.Read(Wire.Bytes(text), StompVersion.V1_2);

        Assert.Equal(OperationStatus.InvalidData, outcome.Status);
        Assert.Equal(StompParseError.UnknownCommand, outcome.Error);
        Assert.Contains("a client sends CONNECT, STOMP, SEND", StompParseFailure.For(outcome.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrNotFollowedByLfIsRejectedInVersion12()
    {
        var outcome = ReadOutcome.Read(Wire.Bytes("SEND\ndestination:/a\rb\n\n^@"), StompVersion.V1_2);

        Assert.Equal(StompParseError.BareCarriageReturn, outcome.Error);
    }

    [Fact]
    public void HeaderLineWithoutColonIsMalformed()
    {
        Assert.Equal(StompParseError.MalformedHeader, ReadOutcome.Read(Wire.Bytes("SEND\ndestination\n\n^@"), StompVersion.V1_2).Error);
        Assert.Equal(StompParseError.EmptyHeaderName, ReadOutcome.Read(Wire.Bytes("SEND\n:x\n\n^@"), StompVersion.V1_2).Error);
    }

    [Fact]
    public void InvalidUtf8InAHeaderIsRejected()
    {
        byte[] input = [.. Wire.Bytes("SEND\ndestination:/"), 0xC3, 0x28, .. Wire.Bytes("\n\n^@")];

        Assert.Equal(StompParseError.InvalidUtf8, ReadOutcome.Read(input, StompVersion.V1_2).Error);
    }

    [Fact]
    public void FailureLeavesTheReaderAtTheStartOfTheBadFrameAfterEarlierFrames()
    {
        var good = Wire.Bytes("SEND\ndestination:/a\n\n^@\n");
        var outcome = ReadOutcome.Read([.. good, .. Wire.Bytes("BOGUS\n\n^@")], StompVersion.V1_2);

        Assert.Single(outcome.Frames);
        Assert.Equal(good.Length, outcome.Consumed);
        Assert.Equal(OperationStatus.InvalidData, outcome.Status);
    }

    [Fact]
    public void HeartBeatsAloneAreConsumedAndReportNeedMoreData()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Wire.Bytes("\n\r\n\n")));
        var frameReader = new StompFrameReader(StompVersion.V1_2);

        Assert.Equal(OperationStatus.NeedMoreData, frameReader.TryRead(ref reader, out _, out _));
        Assert.True(reader.End);
    }

    [Fact]
    public void ContiguousOverloadReportsBytesConsumed()
    {
        var input = Wire.Bytes("\nSEND\ndestination:/a\n\nx^@SEND\n");
        var frameReader = new StompFrameReader(StompVersion.V1_2);

        var status = frameReader.TryRead(input, out var frame, out _, out var consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal("/a", frame.Headers["destination"]);
        Assert.Equal(input.Length - 5, consumed);
        Assert.Equal(OperationStatus.NeedMoreData, frameReader.TryRead(input.AsMemory(consumed), out _, out _, out var rest));
        Assert.Equal(0, rest);
    }

    [Fact]
    public void FailureCarriesAHumanMessageForTheErrorFrame()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Wire.Bytes("SEND\nk:a\\tb\n\n^@")));

        var status = new StompFrameReader(StompVersion.V1_2).TryRead(ref reader, out _, out var failure);

        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(StompParseError.InvalidEscape, failure.Error);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public void NoFailureHasAnEmptyMessage()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Wire.Bytes("SEND\n")));

        new StompFrameReader(StompVersion.V1_2).TryRead(ref reader, out _, out var failure);

        Assert.False(failure.IsFailure);
        Assert.Equal("", failure.Message);
    }

    [Fact]
    public void NulBetweenFramesIsSkippedByDefaultAndRejectedWhenConfigured()
    {
        var input = Wire.Bytes("^@SEND\ndestination:/a\n\n^@");

        Assert.Single(ReadOutcome.Read(input, StompVersion.V1_2).Frames);
        var strict = new StompParseOptions { SkipNulBetweenFrames = false };
        Assert.Equal(StompParseError.UnknownCommand, ReadOutcome.Read(input, StompVersion.V1_2, strict).Error);
    }
}
