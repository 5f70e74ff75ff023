using System.Buffers;
using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Parsing;

public class GoldenFrameTests
{
    public static TheoryData<string> Names() => [.. GoldenFrame.Names()];

    [Fact]
    public void GoldenDirectoryHoldsFixtures()
    {
        Assert.True(GoldenFrame.Names().Count() >= 20);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void GoldenFileDecodesToItsExpectedForm(string name)
    {
        var golden = GoldenFrame.Load(name);

        var outcome = ReadOutcome.Read(golden.Raw, golden.Version);

        Assert.Equal(golden.Frames.Count, outcome.Frames.Count);
        for (var i = 0; i < golden.Frames.Count; i++)
        {
            Assert.Equal(golden.Frames[i].ToString(), outcome.Frames[i].ToString());
        }

        Assert.Equal(golden.Error, outcome.Error);
        Assert.Equal(golden.Error == StompParseError.None ? OperationStatus.NeedMoreData : OperationStatus.InvalidData, outcome.Status);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void WriterReproducesGoldenFramesFromTheirDecodedForm(string name)
    {
        var golden = GoldenFrame.Load(name);
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var frame in golden.Frames)
        {
            var writer = StompFrameWriter.Begin(buffer, golden.Version, frame.Command);
            foreach (var (headerName, value) in frame.Headers.Where(h => h.Key != "content-length"))
            {
                writer.WriteHeader(headerName, value);
            }

            writer.End(frame.Body);
        }

        if (golden.Canonical)
        {
            // Canonical files are byte-for-byte what the writer produces: LF line ends, content-length last.
            Assert.Equal(Wire.Text(golden.Raw), Wire.Text(buffer.WrittenSpan));
            return;
        }

        var reread = ReadOutcome.Read(buffer.WrittenSpan.ToArray(), golden.Version);
        Assert.Equal(
            golden.Frames.Select(WithoutContentLength),
            reread.Frames.Select(WithoutContentLength));
    }

    private static string WithoutContentLength(DecodedFrame frame) =>
        (frame with { Headers = [.. frame.Headers.Where(h => h.Key != "content-length")] }).ToString();
}
