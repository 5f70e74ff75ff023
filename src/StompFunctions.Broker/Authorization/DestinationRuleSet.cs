namespace StompFunctions.Broker.Authorization;

/// <summary>
/// The destination rules an engine enforces through its SUBSCRIBE and SEND authorization hooks: a frame is allowed
/// when some rule grants it, and refused with an ERROR naming the destination otherwise. Register with
/// <c>AddDestinationRules</c> (or <see cref="AddTo"/> on a bare registry).
/// </summary>
public sealed class DestinationRuleSet
{
    /// <summary>The patterns the default rules cover when none are configured.</summary>
    public static readonly IReadOnlyList<string> DefaultPatterns = ["/topic/**", "/queue/**", "/app/**", "/user/**"];

    private readonly DestinationRule[] _rules;

    private DestinationRuleSet(DestinationRule[] rules) => _rules = rules;

    /// <summary>The rules in force.</summary>
    public IReadOnlyList<DestinationRule> Rules => _rules;

    /// <summary>Builds the rules from options (the defaults when none are configured); throws with the bad rule's index and reason.</summary>
    public static DestinationRuleSet Create(DestinationRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rules.Count == 0)
        {
            string[] grantee = [options.DefaultsIncludeAnonymous ? DestinationRule.Anyone : DestinationRule.Authenticated];
            return new DestinationRuleSet([.. DefaultPatterns.Select(pattern => new DestinationRule(pattern, grantee, grantee))]);
        }

        var rules = new DestinationRule[options.Rules.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = options.Rules[i] ?? throw new InvalidOperationException($"{DestinationRulesOptions.SectionName}:Rules:{i} is empty.");
            try
            {
                rules[i] = new DestinationRule(rule.Pattern, rule.Subscribe, rule.Send);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new InvalidOperationException($"{DestinationRulesOptions.SectionName}:Rules:{i}:Pattern: {e.Message}", e);
            }
        }

        return new DestinationRuleSet(rules);
    }

    /// <summary>Whether any rule lets the session do <paramref name="action"/> on <paramref name="destination"/>.</summary>
    public bool Allows(DestinationAction action, string destination, string? user, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var rule in _rules)
        {
            if (rule.Grants(action, destination, user, roles))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the SUBSCRIBE and SEND authorization hooks that enforce these rules.</summary>
    public StompHandlerRegistry AddTo(StompHandlerRegistry handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        return handlers
            .AuthorizeSubscribe(context => Check(context, DestinationAction.Subscribe, context.Destination))
            .AuthorizeSend(context => Check(context, DestinationAction.Send, context.Destination));
    }

    private ValueTask Check(StompFrameContext context, DestinationAction action, string destination)
    {
        if (!Allows(action, destination, context.User, context.Roles))
        {
            context.Reject(DestinationDenials.Message(action, destination), DestinationDenials.Details(action, destination));
        }

        return ValueTask.CompletedTask;
    }
}
