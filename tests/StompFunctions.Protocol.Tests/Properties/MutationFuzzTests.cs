using System.Buffers;
using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Properties;

public class MutationFuzzTests
{
    private const int MutatedFrames = 120_000;

    private static readonly byte[] Interesting = [0, (byte)'\n', (byte)'\r', (byte)':', (byte)'\\', (byte)'n', (byte)'r', (byte)'c', (byte)'0', (byte)'9', (byte)'-', 0x80, 0xC3, 0xFF];

    private static readonly StompParseOptions Tight = new() { MaxFrameBytes = 600, MaxHeaderCount = 6, MaxHeaderLineBytes = 40, MaxBodyBytes = 300 };

    [Fact]
    public void EveryMutatedInputEndsAsFramesOrAStructuredErrorWithoutAnException()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("STOMP_FUZZ_SEED"), out var s) ? s : 20261123;
        var generator = new FrameGenerator(seed);
        var seeds = GoldenFrame.Names().Select(n => GoldenFrame.Load(n)).Select(g => (g.Raw, g.Version)).ToList();
        for (var i = 0; i < 200; i++)
        {
            var version = generator.NextVersion();
            var (wire, _) = generator.NextBatch(version);
            if (wire.Length <= 600)
            {
                seeds.Add((wire, version));
            }
        }

        var statuses = new Dictionary<OperationStatus, int>();
        for (var i = 0; i < MutatedFrames; i++)
        {
            var (original, version) = seeds[generator.Next(seeds.Count)];
            var mutated = Mutate(generator, original, seeds[generator.Next(seeds.Count)].Raw);
            var options = i % 4 == 0 ? Tight : null;

            var outcome = ReadOutcome.ReadOnce(mutated, version, options);
            statuses[outcome.Status] = statuses.GetValueOrDefault(outcome.Status) + 1;
            AssertStructured(outcome, mutated, options);

            // The multi-segment path must agree with the contiguous one on the same bytes.
            if (i % 3 != 0)
            {
                continue;
            }

            var split = ReadOutcome.Read(Sequences.SplitAt(mutated, generator.Next(mutated.Length + 1)), version, options);
            Assert.True(outcome.SameAs(split), $"#{i} seed {seed}: {Convert.ToHexString(mutated)} whole {outcome} split {split}");
            if (i % 501 == 0)
            {
                Assert.True(outcome.SameAs(ReadOutcome.Read(Sequences.OneBytePerSegment(mutated), version, options)));
            }
        }

        // The mutations must reach both outcomes, or the test proves little.
        Assert.True(statuses.GetValueOrDefault(OperationStatus.InvalidData) > MutatedFrames / 10);
        Assert.True(statuses.GetValueOrDefault(OperationStatus.NeedMoreData) > MutatedFrames / 10);
    }

    private static void AssertStructured(ReadOutcome outcome, byte[] input, StompParseOptions? options)
    {
        Assert.InRange(outcome.Consumed, 0, input.Length);
        if (outcome.Status == OperationStatus.InvalidData)
        {
            Assert.NotEqual(StompParseError.None, outcome.Error);
            Assert.False(string.IsNullOrEmpty(StompParseFailure.For(outcome.Error, options).Message));
        }
        else
        {
            Assert.Equal(OperationStatus.NeedMoreData, outcome.Status);
        }

        foreach (var frame in outcome.Frames)
        {
            Assert.True(frame.Body.Length == 0 || frame.Command.IsBodyAllowed());
        }
    }

    private static byte[] Mutate(FrameGenerator random, byte[] input, byte[] other)
    {
        var bytes = new List<byte>(input);
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 1:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(Math.Min(at, bytes.Count - 1));
                    break;
                case 3 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] ^= (byte)(1 << random.Next(8));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5:
                    var start = random.Next(other.Length + 1);
                    bytes.InsertRange(at, other.Skip(start).Take(random.Next(64)));
                    break;
                default:
                    var digits = random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    bytes.InsertRange(at, System.Text.Encoding.ASCII.GetBytes(digits));
                    break;
            }
        }

        return [.. bytes];
    }
}
