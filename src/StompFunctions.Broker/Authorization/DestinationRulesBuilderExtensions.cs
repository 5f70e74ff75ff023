using Microsoft.Extensions.DependencyInjection;

namespace StompFunctions.Broker.Authorization;

/// <summary><c>AddStomp(…).AddDestinationRules(options)</c>: who may SUBSCRIBE and SEND where, by role.</summary>
public static class DestinationRulesBuilderExtensions
{
    /// <summary>
    /// Enforces <paramref name="options"/> (the defaults when it holds no rule) in the engine's SUBSCRIBE and SEND
    /// authorization hooks. Malformed rules throw here, at start-up, naming the setting.
    /// </summary>
    public static IStompBuilder AddDestinationRules(this IStompBuilder builder, DestinationRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var rules = DestinationRuleSet.Create(options);
        rules.AddTo(builder.Handlers);
        builder.Services.AddSingleton(rules);
        return builder;
    }
}
