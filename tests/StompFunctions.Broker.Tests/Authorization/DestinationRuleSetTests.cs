using StompFunctions.Broker.Authorization;

namespace StompFunctions.Broker.Tests.Authorization;

public sealed class DestinationRuleSetTests
{
    private static readonly DestinationRuleSet Rules = DestinationRuleSet.Create(new DestinationRulesOptions
    {
        Rules =
        {
            new() { Pattern = "/topic/**", Subscribe = { "@authenticated" }, Send = { "publisher" } },
            new() { Pattern = "/queue/orders.*", Subscribe = { "orders" }, Send = { "@authenticated" } },
            new() { Pattern = "/topic/public", Subscribe = { "*" } },
        },
    });

    [Theory]
    [InlineData(DestinationAction.Subscribe, "/topic/prices", "alice", "", true)]
    [InlineData(DestinationAction.Subscribe, "/topic/prices", null, "", false)]
    [InlineData(DestinationAction.Subscribe, "/topic/public", null, "", true)]
    [InlineData(DestinationAction.Send, "/topic/public", null, "", false)]
    [InlineData(DestinationAction.Send, "/topic/prices", "alice", "", false)]
    [InlineData(DestinationAction.Send, "/topic/prices", "alice", "publisher", true)]
    [InlineData(DestinationAction.Subscribe, "/queue/orders.eu", "alice", "", false)]
    [InlineData(DestinationAction.Subscribe, "/queue/orders.eu", "alice", "orders", true)]
    [InlineData(DestinationAction.Send, "/queue/orders.eu", "alice", "", true)]
    [InlineData(DestinationAction.Send, "/queue/other", "alice", "publisher,orders", false)]
    [InlineData(DestinationAction.Subscribe, "/exchange/x", "root", "admin", false)]
    public void Rules_allow_and_deny_as_written(DestinationAction action, string destination, string? user, string roles, bool allowed)
    {
        string[] held = roles.Length == 0 ? [] : roles.Split(',');

        Assert.Equal(allowed, Rules.Allows(action, destination, user, held));
    }

    [Theory]
    [InlineData("/topic/a", true)]
    [InlineData("/queue/a", true)]
    [InlineData("/app/chat/lobby", true)]
    [InlineData("/user/queue/replies", true)]
    [InlineData("/exchange/a", false)]
    public void Without_rules_authenticated_sessions_get_the_documented_defaults(string destination, bool allowed)
    {
        var defaults = DestinationRuleSet.Create(new DestinationRulesOptions());

        Assert.Equal(allowed, defaults.Allows(DestinationAction.Subscribe, destination, "alice", []));
        Assert.Equal(allowed, defaults.Allows(DestinationAction.Send, destination, "alice", []));
        Assert.False(defaults.Allows(DestinationAction.Subscribe, destination, null, []));
    }

    [Fact]
    public void Defaults_include_anonymous_sessions_only_when_told()
    {
        var open = DestinationRuleSet.Create(new DestinationRulesOptions { DefaultsIncludeAnonymous = true });

        Assert.True(open.Allows(DestinationAction.Send, "/topic/a", null, []));
        Assert.False(open.Allows(DestinationAction.Send, "/exchange/a", null, []));
    }

    [Fact]
    public void A_malformed_rule_is_refused_at_start_up_naming_the_setting()
    {
        var options = new DestinationRulesOptions { Rules = { new() { Pattern = "/topic/**" }, new() { Pattern = "topic" } } };

        var error = Assert.Throws<InvalidOperationException>(() => DestinationRuleSet.Create(options));

        Assert.StartsWith("DestinationRules:Rules:1:Pattern:", error.Message, StringComparison.Ordinal);
    }
}
