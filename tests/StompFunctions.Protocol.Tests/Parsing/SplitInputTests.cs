using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Parsing;

public class SplitInputTests
{
    public static TheoryData<string> GoldenNames() => [.. GoldenFrame.Names()];

    public static TheoryData<string> ValidGoldenNames() =>
        [.. GoldenFrame.Names().Where(n => GoldenFrame.Load(n).Error == StompParseError.None)];

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void STOMP_S66_EveryPresentationOfAnInputReadsTheSame(string name)
    {
        var golden = GoldenFrame.Load(name);

        var outcome = Harness.AssertEveryPresentationAgrees(golden.Raw, golden.Version);

        Assert.Equal(golden.Frames.Count, outcome.Frames.Count);
        Assert.Equal(golden.Error, outcome.Error);
    }

    [Theory]
    [MemberData(nameof(ValidGoldenNames))]
    public void STOMP_S66_EveryTruncationConsumesNoPartOfAnIncompleteFrame(string name)
    {
        var golden = GoldenFrame.Load(name);

        Harness.AssertEveryTruncationConsumesNoPartialFrame(golden.Raw, golden.Version);
    }

    [Fact]
    public void TruncatedSingleFrameConsumesNothingAtAll()
    {
        var input = Wire.Bytes("SEND\ndestination:/a\ncontent-length:3\n\na\0b^@");
        for (var length = 0; length < input.Length; length++)
        {
            var outcome = ReadOutcome.Read(Sequences.OneBytePerSegment(input[..length]), StompVersion.V1_2);
            Assert.Equal(0, outcome.Consumed);
            Assert.Empty(outcome.Frames);
        }
    }

    [Fact]
    public void LoneCrAtTheEndMayStartACrLfHeartBeatAndIsNotConsumed()
    {
        var outcome = ReadOutcome.Read(Wire.Bytes("\n\r"), StompVersion.V1_2);

        Assert.Equal(System.Buffers.OperationStatus.NeedMoreData, outcome.Status);
        Assert.Equal(1, outcome.Consumed);
    }

    [Fact]
    public void FrameSpanningSegmentsIsCopiedIntoMemoryItOwns()
    {
        var input = Wire.Bytes("SEND\ndestination:/a\n\nbody^@");
        var sequence = Sequences.SplitAt(input, 10);
        var reader = new System.Buffers.SequenceReader<byte>(sequence);

        new StompFrameReader(StompVersion.V1_2).TryRead(ref reader, out var frame, out _);

        Assert.Equal("/a", frame.Headers["destination"]);
        Assert.Equal("body"u8.ToArray(), frame.Body.ToArray());
    }
}
