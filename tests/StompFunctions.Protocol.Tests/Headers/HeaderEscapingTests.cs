using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Headers;

public class HeaderEscapingTests
{
    private static KeyValuePair<string, string> OnlyHeader(string text, StompVersion version) =>
        Assert.Single(Assert.Single(ReadOutcome.Read(Wire.Bytes(text), version).Frames).Headers);

    [Fact]
    public void STOMP_S04_UnescapesCrLfColonAndBackslashInVersion12()
    {
        Assert.Equal(new("k:e\ny", "a:b\r\n\\c"), OnlyHeader("SEND\nk\\ce\\ny:a\\cb\\r\\n\\\\c\n\n^@", StompVersion.V1_2));
    }

    [Fact]
    public void STOMP_S04_EscapedBackslashFollowedByNDecodesToBackslashAndN()
    {
        Assert.Equal(new("k", "\\n"), OnlyHeader("SEND\nk:\\\\n\n\n^@", StompVersion.V1_2));
    }

    [Fact]
    public void STOMP_S04_UnescapesVersion11SetWithoutCr()
    {
        Assert.Equal(new("k", "a:b\n\\"), OnlyHeader("SEND\nk:a\\cb\\n\\\\\n\n^@", StompVersion.V1_1));
    }

    [Theory]
    [InlineData(StompVersion.V1_2, "SEND\nk:a\\tb\n\n^@")]
    [InlineData(StompVersion.V1_2, "SEND\nk:ab\\\n\n^@")]
    [InlineData(StompVersion.V1_2, "SEND\nk\\x:ab\n\n^@")]
    [InlineData(StompVersion.V1_1, "SEND\nk:a\\rb\n\n^@")]
    [InlineData(StompVersion.V1_1, "MESSAGE\nk:a\\\"b\n\n^@")]
    public void STOMP_S05_UndefinedEscapeIsAFatalError(StompVersion version, string text)
    {
        Assert.Equal(StompParseError.InvalidEscape, ReadOutcome.Read(Wire.Bytes(text), version).Error);
    }

    [Fact]
    public void Version10HasNoEscaping()
    {
        Assert.Equal(new("k", "a\\tb\\c"), OnlyHeader("SEND\nk:a\\tb\\c\n\n^@", StompVersion.V1_0));
    }

    [Theory]
    [InlineData("CONNECT")]
    [InlineData("STOMP")]
    [InlineData("CONNECTED")]
    public void STOMP_S07_ConnectStompAndConnectedHeadersAreNeverUnescaped(string command)
    {
        Assert.Equal(new("passcode", "p\\cw\\t"), OnlyHeader(command + "\npasscode:p\\cw\\t\n\n^@", StompVersion.V1_2));
    }

    [Theory]
    [InlineData(StompVersion.V1_1)]
    [InlineData(StompVersion.V1_2)]
    public void STOMP_S08_HeaderValuesAreNeverTrimmed(StompVersion version)
    {
        Assert.Equal(new(" k ", " v "), OnlyHeader("SEND\n k : v \n\n^@", version));
    }

    [Fact]
    public void RawColonAfterTheFirstIsPartOfTheValue()
    {
        Assert.Equal(new("destination", "a:b"), OnlyHeader("SEND\ndestination:a:b\n\n^@", StompVersion.V1_1));
    }

    [Fact]
    public void LookupByNameMatchesDecodedNames()
    {
        var frame = new StompFrameReader(StompVersion.V1_2).TryRead(Wire.Bytes("SEND\na\\cb:1\nc:2\n\n^@"), out var f, out _, out _);

        Assert.Equal(System.Buffers.OperationStatus.Done, frame);
        Assert.Equal("1", f.Headers["a:b"]);
        Assert.True(f.Headers.TryGetHeader("a:b"u8, out var header));
        Assert.Equal("a\\cb"u8.ToArray(), header.RawName.ToArray());
        Assert.Null(f.Headers["a\\cb"]);
    }
}
