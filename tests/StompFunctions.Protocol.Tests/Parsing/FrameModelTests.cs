using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Parsing;

public class FrameModelTests
{
    [Fact]
    public void STOMP_S14_BodyBytesAreReturnedUntouchedWithoutContentType()
    {
        byte[] body = [0xFF, 0xFE, 0x80, 0x0A, 0x0D];
        byte[] input = [.. Wire.Bytes("SEND\ndestination:/a\ncontent-length:5\n\n"), .. body, 0];

        Assert.Equal(body, Assert.Single(ReadOutcome.Read(input, StompVersion.V1_2).Frames).Body);
    }

    [Fact]
    public void STOMP_S21_StompCommandIsReadAsItsOwnCommandAndIsAConnect()
    {
        var frame = Assert.Single(ReadOutcome.Read(Wire.Bytes("STOMP\naccept-version:1.2\n\n^@"), StompVersion.V1_2).Frames);

        Assert.Equal(StompCommand.Stomp, frame.Command);
        Assert.True(frame.Command.IsConnect());
    }

    [Fact]
    public void EveryCommandNameReadsBackAsItsCommand()
    {
        foreach (var command in Enum.GetValues<StompCommand>().Where(c => c != StompCommand.None))
        {
            var frame = Assert.Single(ReadOutcome.ReadOnce(Wire.Bytes(command.GetName() + "\n\n^@"), StompVersion.V1_2).Frames);
            Assert.Equal(command, frame.Command);
            Assert.Equal(command.GetName(), System.Text.Encoding.ASCII.GetString(command.GetNameUtf8()));
        }
    }

    [Fact]
    public void CommandFactsFollowTheSpec()
    {
        Assert.Equal(
            [StompCommand.Send, StompCommand.Message, StompCommand.Error],
            Enum.GetValues<StompCommand>().Where(c => c.IsBodyAllowed()));
        Assert.Equal(
            [StompCommand.Connect, StompCommand.Stomp, StompCommand.Connected],
            Enum.GetValues<StompCommand>().Where(c => c.IsEscapeExempt()));
        Assert.Equal(
            [StompCommand.Connected, StompCommand.Message, StompCommand.Receipt, StompCommand.Error],
            Enum.GetValues<StompCommand>().Where(c => c.IsServerCommand()));
        Assert.Equal(11, Enum.GetValues<StompCommand>().Count(c => c.IsClientCommand()));
    }

    [Fact]
    public void HeadersOfferLookupsByStringAndBytesAndEnumerateInOrder()
    {
        new StompFrameReader(StompVersion.V1_2).TryRead(Wire.Bytes("SEND\na:1\nb:2\na:3\n\n^@"), out var frame, out _, out _);

        Assert.True(frame.Headers.Contains("b"));
        Assert.True(frame.Headers.Contains("b"u8));
        Assert.False(frame.Headers.Contains("c"));
        Assert.True(frame.Headers.TryGetValue("a"u8, out var a));
        Assert.Equal("1", a);
        Assert.Null(frame.Headers["missing"]);
        var seen = new List<string>();
        foreach (var header in frame.Headers)
        {
            seen.Add(header.ToString());
        }

        Assert.Equal(["a:1", "b:2", "a:3"], seen);
        Assert.True(frame.Headers.TryGetHeader("b", out var b) && b.ValueEquals("2"u8));
    }

    [Fact]
    public void DefaultFrameHasNoHeadersAndNoBody()
    {
        StompFrame frame = default;

        Assert.Equal(StompCommand.None, frame.Command);
        Assert.Equal(0, frame.Headers.Count);
        Assert.Null(frame.Headers["destination"]);
        Assert.True(frame.Body.IsEmpty);
    }
}
