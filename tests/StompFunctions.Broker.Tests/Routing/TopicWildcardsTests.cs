using StompFunctions.Broker.Delivery;

namespace StompFunctions.Broker.Tests.Routing;

/// <summary>RabbitMQ's topic rules: <c>*</c> is exactly one word, <c>#</c> zero or more, words separated by dots.</summary>
public sealed class TopicWildcardsTests
{
    [Theory]
    [InlineData("/topic/stocks.*.price", "/topic/stocks.ibm.price", true)]
    [InlineData("/topic/stocks.*.price", "/topic/stocks.price", false)]
    [InlineData("/topic/stocks.*.price", "/topic/stocks.ibm.eu.price", false)]
    [InlineData("/topic/logs.#", "/topic/logs", true)]
    [InlineData("/topic/logs.#", "/topic/logs.error", true)]
    [InlineData("/topic/logs.#", "/topic/logs.error.db", true)]
    [InlineData("/topic/logs.#", "/topic/logsx.error", false)]
    [InlineData("/topic/#", "/topic/anything.at.all", true)]
    [InlineData("/topic/#.price", "/topic/price", true)]
    [InlineData("/topic/#.price", "/topic/a.b.price", true)]
    [InlineData("/topic/#.price", "/topic/a.b.volume", false)]
    [InlineData("/topic/*", "/topic/a", true)]
    [InlineData("/topic/*", "/topic/a.b", false)]
    [InlineData("/topic/a.#.#.b", "/topic/a.b", true)]
    [InlineData("/topic/*.#.*", "/topic/a", false)]
    [InlineData("/topic/*.#.*", "/topic/a.b", true)]
    [InlineData("/topic/stocks.*", "/queue/stocks.ibm", false)]
    public void Matches_follows_RabbitMQ_topic_rules(string pattern, string destination, bool expected) =>
        Assert.Equal(expected, TopicWildcards.Matches(pattern, destination));

    [Theory]
    [InlineData("/topic/stocks.*", true)]
    [InlineData("/topic/#", true)]
    [InlineData("/topic/stocks", false)]
    [InlineData("/queue/stocks.*", false)]
    [InlineData("/app/chat/*", false)]
    public void IsPattern_is_a_topic_holding_a_wildcard(string destination, bool expected) =>
        Assert.Equal(expected, TopicWildcards.IsPattern(destination));

    [Theory]
    [InlineData("/topic/stocks.*.price", true)]
    [InlineData("/topic/#", true)]
    [InlineData("/topic/stocks*.price", false)]
    [InlineData("/topic/logs.#x", false)]
    public void IsWellFormed_wants_wildcards_as_whole_words(string pattern, bool expected) =>
        Assert.Equal(expected, TopicWildcards.IsWellFormed(pattern));

    [Fact]
    public void A_long_key_against_many_hashes_matches_without_backtracking_blow_up()
    {
        var pattern = "/topic/" + string.Join('.', Enumerable.Repeat("#", 200)) + ".z";
        var key = "/topic/" + string.Join('.', Enumerable.Repeat("a", 2000));

        Assert.False(TopicWildcards.Matches(pattern, key));
        Assert.True(TopicWildcards.Matches(pattern, key + ".z"));
    }
}
