using StompFunctions.Broker.Authorization;

namespace StompFunctions.Broker.Tests.Authorization;

public sealed class DestinationPatternTests
{
    [Theory]
    [InlineData("/topic/**", "/topic/prices", true)]
    [InlineData("/topic/**", "/topic/chat.room-1/x", true)]
    [InlineData("/topic/**", "/queue/prices", false)]
    [InlineData("/topic/**", "/topicx", false)]
    [InlineData("/queue/orders.*", "/queue/orders.eu", true)]
    [InlineData("/queue/orders.*", "/queue/orders.eu.late", false)]
    [InlineData("/queue/orders.*", "/queue/orders/eu", false)]
    [InlineData("/queue/orders.*", "/queue/ordersXeu", false)]
    [InlineData("/user/**", "/user/queue/replies", true)]
    [InlineData("/topic/*/news", "/topic/eu/news", true)]
    [InlineData("/topic/*/news", "/topic/eu/de/news", false)]
    [InlineData("/topic/prices", "/topic/prices", true)]
    [InlineData("/topic/prices", "/topic/Prices", false)]
    [InlineData("/topic/a+b(c)", "/topic/a+b(c)", true)]
    public void Patterns_match_as_documented(string pattern, string destination, bool matches)
    {
        Assert.Equal(matches, DestinationPattern.Parse(pattern).IsMatch(destination));
    }

    [Theory]
    [InlineData("topic/**")]
    [InlineData("/topic/***")]
    public void Malformed_patterns_are_refused(string pattern)
    {
        Assert.Throws<FormatException>(() => DestinationPattern.Parse(pattern));
    }

    [Fact]
    public void A_long_hostile_destination_is_matched_without_backtracking()
    {
        var pattern = DestinationPattern.Parse("/topic/*.*.*.*.*.*.*.*.end");

        Assert.False(pattern.IsMatch("/topic/" + new string('.', 60_000)));
    }
}
