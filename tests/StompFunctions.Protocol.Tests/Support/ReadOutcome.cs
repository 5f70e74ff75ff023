using System.Buffers;

namespace StompFunctions.Protocol.Tests.Support;

/// <summary>Everything the reader produced from one input: frames, the final status, the failure, bytes consumed.</summary>
internal sealed record ReadOutcome(List<DecodedFrame> Frames, OperationStatus Status, StompParseError Error, long Consumed)
{
    /// <summary>Reads frames until the reader stops; bounded by the input length so it can never spin.</summary>
    public static ReadOutcome Read(ReadOnlySequence<byte> input, StompVersion version, StompParseOptions? options = null)
    {
        var frameReader = new StompFrameReader(version, options);
        var reader = new SequenceReader<byte>(input);
        var frames = new List<DecodedFrame>();
        for (var guard = 0; guard <= input.Length + 1; guard++)
        {
            var status = frameReader.TryRead(ref reader, out var frame, out var failure);
            if (status != OperationStatus.Done)
            {
                return new ReadOutcome(frames, status, failure.Error, reader.Consumed);
            }

            frames.Add(DecodedFrame.From(frame));
        }

        throw new InvalidOperationException("The reader returned more frames than there are bytes.");
    }

    /// <summary>
    /// Reads a test input, and checks on the way that every presentation of it (whole, embedded, split at every
    /// point, one byte per segment) reads the same and, for valid inputs, that no truncation consumes part of a
    /// frame. So every parser input a test states runs through the whole harness.
    /// </summary>
    public static ReadOutcome Read(byte[] input, StompVersion version, StompParseOptions? options = null)
    {
        var outcome = Harness.AssertEveryPresentationAgrees(input, version, options);
        if (outcome.Status != OperationStatus.InvalidData && input.Length <= Harness.TruncationLimit)
        {
            Harness.AssertEveryTruncationConsumesNoPartialFrame(input, version, options);
        }

        return outcome;
    }

    /// <summary>Reads the input once, contiguous; for the fuzz and property loops that run thousands of inputs.</summary>
    public static ReadOutcome ReadOnce(byte[] input, StompVersion version, StompParseOptions? options = null) =>
        Read(new ReadOnlySequence<byte>(input), version, options);

    public bool SameAs(ReadOutcome other) =>
        Status == other.Status && Error == other.Error && Consumed == other.Consumed
        && Frames.Count == other.Frames.Count && Frames.Zip(other.Frames).All(p => p.First.SameAs(p.Second));

    public override string ToString() =>
        $"{Status} {Error} consumed={Consumed} frames=[{string.Join(" | ", Frames)}]";
}
