using System.Buffers;
using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Properties;

public class RoundTripPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void WrittenFramesReadBackAsTheSameCommandHeadersAndBody(int seed)
    {
        var generator = new FrameGenerator(seed);
        for (var i = 0; i < 500; i++)
        {
            var version = generator.NextVersion();
            var frame = generator.NextFrame(version);
            var buffer = new ArrayBufferWriter<byte>();
            FrameGenerator.Write(buffer, version, frame);

            var outcome = ReadOutcome.ReadOnce(buffer.WrittenSpan.ToArray(), version);

            Assert.True(outcome.Frames.Count == 1 && outcome.Frames[0].SameAs(frame), $"seed {seed} #{i} {version}: wrote {frame}, read {outcome}");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void BatchesWithHeartBeatsReadBackFrameByFrameInEveryPresentation(int seed)
    {
        var generator = new FrameGenerator(seed);
        for (var i = 0; i < 30; i++)
        {
            var version = generator.NextVersion();
            var (wire, frames) = generator.NextBatch(version);

            var outcome = wire.Length <= 800
                ? Harness.AssertEveryPresentationAgrees(wire, version)
                : ReadOutcome.Read(Sequences.OneBytePerSegment(wire), version);

            Assert.Equal(frames.Count, outcome.Frames.Count);
            Assert.True(frames.Zip(outcome.Frames).All(p => p.First.SameAs(p.Second)), $"seed {seed} #{i}: {outcome}");
            Assert.Equal(wire.Length, outcome.Consumed);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void CopyingHeadersAcrossVersionsPreservesDecodedValues(int seed)
    {
        var generator = new FrameGenerator(seed);
        for (var i = 0; i < 300; i++)
        {
            var from = generator.NextVersion();
            var frame = generator.NextFrame(from) with { Command = StompCommand.Send };
            var sendBuffer = new ArrayBufferWriter<byte>();
            FrameGenerator.Write(sendBuffer, from, frame);
            new StompFrameReader(from).TryRead(sendBuffer.WrittenMemory, out var send, out _, out _);

            var to = generator.NextVersion();
            var messageBuffer = new ArrayBufferWriter<byte>();
            var writer = StompFrameWriter.Begin(messageBuffer, to, StompCommand.Message);
            var skipped = writer.CopyHeaders(send.Headers);
            writer.End(send.Body.Span);

            var message = Assert.Single(ReadOutcome.ReadOnce(messageBuffer.WrittenSpan.ToArray(), to).Frames);
            var expected = frame.Headers.Where(h => h.Key != "content-length").ToList();
            var actual = message.Headers.Where(h => h.Key != "content-length").ToList();
            Assert.Equal(expected.Count, actual.Count + skipped);
            Assert.True(actual.All(expected.Contains), $"#{i} {from}->{to}: {frame} became {message}");
            Assert.Equal(frame.Body, message.Body);
        }
    }
}
