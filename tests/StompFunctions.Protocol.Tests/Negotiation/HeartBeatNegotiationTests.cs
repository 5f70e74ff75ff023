namespace StompFunctions.Protocol.Tests.Negotiation;

public class HeartBeatNegotiationTests
{
    [Theory]
    [InlineData("10000,10000", "0,0", 0, 0)]
    [InlineData("10000,10000", "0,20000", 20000, 0)]
    [InlineData("10000,10000", "5000,5000", 10000, 10000)]
    [InlineData("0,0", "10000,10000", 0, 0)]
    [InlineData(null, "10000,10000", 0, 0)]
    [InlineData("1000,30000", "20000,500", 1000, 30000)]
    public void STOMP_S30_IntervalsAreTheMaximumOfBothSidesAndNoneWhenEitherIsZero(string? client, string server, int clientToServer, int serverToClient)
    {
        Assert.True(StompHeartBeat.TryParse(client, out var c));
        Assert.True(StompHeartBeat.TryParse(server, out var s));

        var schedule = StompHeartBeat.Negotiate(c, s);

        Assert.Equal(new StompHeartBeatSchedule(clientToServer, serverToClient), schedule);
    }

    [Fact]
    public void STOMP_S29_MissingHeaderIsZeroZero()
    {
        Assert.True(StompHeartBeat.TryParse(null, out var heartBeat));
        Assert.Equal(StompHeartBeat.None, heartBeat);
        Assert.Null(StompHeartBeat.Negotiate(heartBeat, new StompHeartBeat(1000, 1000)).ServerToClient);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("-1,0")]
    [InlineData("1, 2")]
    [InlineData("1,2,3")]
    [InlineData("a,b")]
    [InlineData("99999999999,0")]
    public void MalformedHeartBeatIsRejected(string value)
    {
        Assert.False(StompHeartBeat.TryParse(value, out _));
    }

    [Fact]
    public void STOMP_S28_HeaderValueIsTwoIntegersSeparatedByAComma()
    {
        Assert.Equal("0,0", StompHeartBeat.None.ToString());
        Assert.Equal("5000,10000", new StompHeartBeat(5000, 10000).ToString());
    }

    [Fact]
    public void Version10HasNoHeartBeats()
    {
        Assert.Equal(default, StompHeartBeat.Negotiate(new(1000, 1000), new(1000, 1000), StompVersion.V1_0));
    }

    [Fact]
    public void STOMP_S32_SilenceLimitLeavesAMarginOverTheInterval()
    {
        var schedule = new StompHeartBeatSchedule(10000, 0);

        Assert.Equal(TimeSpan.FromSeconds(20), schedule.ClientSilenceLimit());
        Assert.Equal(TimeSpan.FromSeconds(15), schedule.ClientSilenceLimit(1.5));
        Assert.Null(new StompHeartBeatSchedule(0, 5000).ClientSilenceLimit());
    }
}
