using Microsoft.Extensions.Configuration;
using StompFunctions.Broker.Authorization;
using StompFunctions.Infra.Tests.Support;

namespace StompFunctions.Infra.Tests;

/// <summary>
/// The DestinationRules__ app settings Bicep makes from STOMP_DESTINATION_RULES, bound the way .NET configuration
/// binds app settings, give the engine the rules the variable says (STOMP-S36, STOMP-S37: who may SUBSCRIBE and SEND).
/// </summary>
public sealed class DestinationRuleSettingsTests
{
    [Fact]
    public async Task The_variable_s_rules_bind_and_allow_and_deny_as_written()
    {
        var settings = (await DeploymentSnapshot.AppSettingsAsync())
            .Where(pair => pair.Key.StartsWith("DestinationRules__", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair.Value);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var options = configuration.GetSection(DestinationRulesOptions.SectionName).Get<DestinationRulesOptions>()!;
        var rules = DestinationRuleSet.Create(options);

        Assert.False(options.DefaultsIncludeAnonymous);
        Assert.Equal(["/topic/**", "/user/**", "/queue/orders.*"], options.Rules.Select(r => r.Pattern));
        Assert.True(rules.Allows(DestinationAction.Subscribe, "/topic/news", user: null, roles: []));
        Assert.True(rules.Allows(DestinationAction.Send, "/topic/news", "ann", ["admin"]));
        Assert.False(rules.Allows(DestinationAction.Send, "/topic/news", "bob", ["reader"]));
        Assert.True(rules.Allows(DestinationAction.Send, "/user/ann/inbox", "bob", []));
        Assert.False(rules.Allows(DestinationAction.Subscribe, "/user/ann/inbox", user: null, roles: []));
        Assert.True(rules.Allows(DestinationAction.Subscribe, "/queue/orders.eu", "ann", []));
        Assert.False(rules.Allows(DestinationAction.Send, "/queue/orders.eu", "ann", ["admin"]));
        Assert.False(rules.Allows(DestinationAction.Subscribe, "/queue/other", "ann", ["admin"]));
    }
}
