using StompFunctions.Broker.Routing;

namespace StompFunctions.Broker.Tests.Routing;

public sealed class DestinationTemplateTests
{
    [Theory]
    [InlineData("/app/chat/{room}", "/app/chat/lobby", "room=lobby")]
    [InlineData("/app/{a}/x/{b}", "/app/1/x/2", "a=1;b=2")]
    [InlineData("/app/files/{*path}", "/app/files/a/b/c.txt", "path=a/b/c.txt")]
    [InlineData("/app/files/{*path}", "/app/files/", "path=")]
    [InlineData("/app/ping", "/app/ping", "")]
    public void Templates_bind_route_values(string template, string destination, string expected)
    {
        Assert.True(DestinationTemplate.Parse(template).TryMatch(destination, out var values));

        Assert.Equal(expected, string.Join(';', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")));
    }

    [Theory]
    [InlineData("/app/chat/{room}", "/app/chat/")]
    [InlineData("/app/chat/{room}", "/app/chat/a/b")]
    [InlineData("/app/chat/{room}", "/app/Chat/a")]
    [InlineData("/app/ping", "/app/ping/")]
    [InlineData("/app/files/{*path}", "/app/file")]
    public void Templates_reject_destinations_that_do_not_fit(string template, string destination)
    {
        Assert.False(DestinationTemplate.Parse(template).TryMatch(destination, out _));
    }

    [Theory]
    [InlineData("/app/{*rest}/more")]
    [InlineData("/app/x{id}")]
    [InlineData("/app/{}")]
    [InlineData("/app/{a}/{a}")]
    [InlineData("/app/{a-b}")]
    public void Malformed_templates_are_refused_at_registration(string template)
    {
        Assert.Throws<ArgumentException>(() => DestinationTemplate.Parse(template));
    }

    [Fact]
    public void The_most_specific_template_wins_whatever_the_registration_order()
    {
        var router = new DestinationRouter<string>(
        [
            (DestinationTemplate.Parse("/app/{*all}"), "catch-all"),
            (DestinationTemplate.Parse("/app/chat/{room}"), "room"),
            (DestinationTemplate.Parse("/app/chat/lobby"), "lobby"),
        ]);

        Assert.True(router.TryMatch("/app/chat/lobby", out var lobby, out _));
        Assert.True(router.TryMatch("/app/chat/other", out var room, out _));
        Assert.True(router.TryMatch("/app/else/where", out var rest, out _));
        Assert.False(router.TryMatch("/topic/x", out _, out _));
        Assert.Equal(("lobby", "room", "catch-all"), (lobby, room, rest));
    }
}
