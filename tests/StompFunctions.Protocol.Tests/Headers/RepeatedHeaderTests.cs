using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Headers;

public class RepeatedHeaderTests
{
    [Fact]
    public void STOMP_S17_FirstRepeatedHeaderWinsAndAllOccurrencesAreKeptInOrder()
    {
        var status = new StompFrameReader(StompVersion.V1_2).TryRead(
            Wire.Bytes("SEND\ndestination:/first\nx:1\ndestination:/second\n\n^@"), out var frame, out _, out _);

        Assert.Equal(System.Buffers.OperationStatus.Done, status);
        Assert.Equal("/first", frame.Headers["destination"]);
        Assert.Equal(3, frame.Headers.Count);
        Assert.Equal(["destination", "x", "destination"], frame.Headers.ToList().Select(h => h.Key));
        Assert.Equal("/second", frame.Headers.ToList()[2].Value);
    }

    [Fact]
    public void FirstContentLengthWinsWhenRepeated()
    {
        var outcome = ReadOutcome.Read(Wire.Bytes("SEND\ncontent-length:2\ncontent-length:5\n\nab^@"), StompVersion.V1_2);

        Assert.Equal("ab"u8.ToArray(), Assert.Single(outcome.Frames).Body);
    }
}
