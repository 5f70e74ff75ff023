namespace StompFunctions.Protocol.Tests.Negotiation;

public class VersionNegotiationTests
{
    [Fact]
    public void STOMP_S25_MissingAcceptVersionMeansAVersion10Client()
    {
        Assert.True(StompVersionNegotiation.TryNegotiate(null, StompVersionSet.All, out var version));
        Assert.Equal(StompVersion.V1_0, version);
        Assert.False(StompVersionNegotiation.TryNegotiate(null, StompVersionSet.V1_1 | StompVersionSet.V1_2, out _));
    }

    [Theory]
    [InlineData("1.0,1.2,1.1", StompVersion.V1_2)]
    [InlineData("1.2,1.1,1.0", StompVersion.V1_2)]
    [InlineData("1.1,2.0", StompVersion.V1_1)]
    [InlineData("1.0", StompVersion.V1_0)]
    [InlineData("1.1, 1.2", StompVersion.V1_2)]
    public void STOMP_S26_ChoosesTheHighestCommonVersionWhateverTheOrder(string acceptVersion, StompVersion expected)
    {
        Assert.True(StompVersionNegotiation.TryNegotiate(acceptVersion, StompVersionSet.All, out var version));
        Assert.Equal(expected, version);
    }

    [Fact]
    public void STOMP_S26_HighestVersionIsLimitedToTheServersSet()
    {
        Assert.True(StompVersionNegotiation.TryNegotiate("1.2,1.1", StompVersionSet.V1_0 | StompVersionSet.V1_1, out var version));
        Assert.Equal(StompVersion.V1_1, version);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("")]
    [InlineData("1.3,12")]
    public void STOMP_S27_NoCommonVersionFailsAndTheVersionListIsReadyForTheErrorFrame(string acceptVersion)
    {
        Assert.False(StompVersionNegotiation.TryNegotiate(acceptVersion, StompVersionSet.All, out _));
        Assert.Equal("1.0,1.1,1.2", StompVersionNegotiation.FormatVersionList(StompVersionSet.All));
        Assert.Equal("1.1,1.2", StompVersionNegotiation.FormatVersionList(StompVersionSet.V1_2 | StompVersionSet.V1_1));
    }

    [Fact]
    public void STOMP_S65_SelectsTheHighestOfferedStompSubprotocol()
    {
        Assert.True(StompVersionNegotiation.TrySelectSubprotocol(["v10.stomp", "v12.stomp", "v11.stomp"], StompVersionSet.All, out var chosen));
        Assert.Equal("v12.stomp", chosen);
        Assert.True(StompVersionNegotiation.TrySelectSubprotocol(["json.webpubsub.azure.v1, v11.stomp , v10.stomp"], StompVersionSet.All, out chosen));
        Assert.Equal("v11.stomp", chosen);
        Assert.True(StompVersionNegotiation.TrySelectSubprotocol(["v12.stomp", "v10.stomp"], StompVersionSet.V1_0 | StompVersionSet.V1_1, out chosen));
        Assert.Equal("v10.stomp", chosen);
    }

    [Fact]
    public void STOMP_S65_NoStompSubprotocolOfferedSelectsNothing()
    {
        Assert.False(StompVersionNegotiation.TrySelectSubprotocol(["V12.STOMP", "mqtt"], StompVersionSet.All, out var chosen));
        Assert.Null(chosen);
        Assert.False(StompVersionNegotiation.TrySelectSubprotocol([], StompVersionSet.All, out _));
    }

    [Fact]
    public void STOMP_S65_TheAcceptedSubprotocolsAreListedHighestFirst()
    {
        Assert.Equal(["v12.stomp", "v11.stomp", "v10.stomp"], StompVersionNegotiation.GetSubprotocols(StompVersionSet.All));
        Assert.Equal(["v11.stomp", "v10.stomp"], StompVersionNegotiation.GetSubprotocols(StompVersionSet.V1_0 | StompVersionSet.V1_1));
    }

    [Fact]
    public void SubprotocolNamesAndHeaderValuesRoundTrip()
    {
        foreach (var version in new[] { StompVersion.V1_0, StompVersion.V1_1, StompVersion.V1_2 })
        {
            Assert.True(StompVersionNegotiation.TryParseSubprotocol(StompVersionNegotiation.GetSubprotocol(version), out var fromSubprotocol));
            Assert.True(StompVersionNegotiation.TryParseVersion(StompVersionNegotiation.ToHeaderValue(version), out var fromHeader));
            Assert.Equal(version, fromSubprotocol);
            Assert.Equal(version, fromHeader);
        }
    }
}
