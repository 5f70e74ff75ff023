using System.Buffers;

namespace StompFunctions.Protocol.Tests.Support;

/// <summary>Runs one input through every presentation and every truncation, and checks they agree.</summary>
internal static class Harness
{
    /// <summary>Inputs up to this size also get the (quadratic) truncation check when read through <see cref="ReadOutcome.Read(byte[], StompVersion, StompParseOptions?)"/>.</summary>
    public const int TruncationLimit = 600;

    /// <summary>Whole, embedded, split at every point, one byte per segment: the same frames, status, error and consumed count.</summary>
    public static ReadOutcome AssertEveryPresentationAgrees(byte[] input, StompVersion version, StompParseOptions? options = null)
    {
        var whole = ReadOutcome.ReadOnce(input, version, options);
        foreach (var (name, sequence) in Sequences.AllVariants(input))
        {
            var outcome = ReadOutcome.Read(sequence, version, options);
            Assert.True(whole.SameAs(outcome), $"{name}: expected {whole}, got {outcome}");
        }

        return whole;
    }

    /// <summary>
    /// Every prefix of a valid input: no error, the frames read are the first frames of the whole input, and
    /// resuming from the consumed position reads the rest exactly, so no part of a partial frame was consumed.
    /// </summary>
    public static void AssertEveryTruncationConsumesNoPartialFrame(byte[] input, StompVersion version, StompParseOptions? options = null)
    {
        var whole = ReadOutcome.ReadOnce(input, version, options);
        for (var length = 0; length < input.Length; length++)
        {
            var prefix = input.AsSpan(0, length).ToArray();
            foreach (var sequence in new[] { new ReadOnlySequence<byte>(prefix), Sequences.OneBytePerSegment(prefix) })
            {
                var partial = ReadOutcome.Read(sequence, version, options);
                Assert.True(partial.Status == OperationStatus.NeedMoreData, $"prefix {length}: {partial}");
                Assert.True(partial.Frames.Count <= whole.Frames.Count, $"prefix {length}: {partial}");
                Assert.True(partial.Frames.Zip(whole.Frames).All(p => p.First.SameAs(p.Second)), $"prefix {length}: {partial}");

                var resumed = ReadOutcome.ReadOnce(input.AsSpan((int)partial.Consumed).ToArray(), version, options);
                Assert.True(
                    resumed.Frames.Count == whole.Frames.Count - partial.Frames.Count
                    && resumed.Frames.Zip(whole.Frames.Skip(partial.Frames.Count)).All(p => p.First.SameAs(p.Second)),
                    $"prefix {length}: resuming at {partial.Consumed} read {resumed}, whole input read {whole}");
            }
        }
    }
}
