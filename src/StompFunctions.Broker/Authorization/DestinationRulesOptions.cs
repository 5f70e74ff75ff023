namespace StompFunctions.Broker.Authorization;

/// <summary>
/// The destination rules: a SUBSCRIBE or SEND is allowed when some rule whose pattern matches the destination names
/// one of the session's roles for that action, and refused with an ERROR otherwise (deny when nothing matches).
/// Without any rule, <see cref="DestinationRuleSet.DefaultPatterns"/> apply: every authenticated session may
/// subscribe and send to <c>/topic/**</c>, <c>/queue/**</c>, <c>/app/**</c> and <c>/user/**</c> (every session,
/// anonymous ones too, when <see cref="DefaultsIncludeAnonymous"/> is on). Binds from the <c>DestinationRules</c> section.
/// </summary>
public sealed class DestinationRulesOptions
{
    /// <summary>The configuration section the rules bind from.</summary>
    public const string SectionName = "DestinationRules";

    /// <summary>The rules; any one that grants the action is enough.</summary>
    public IList<DestinationRuleOptions> Rules { get; set; } = [];

    /// <summary>
    /// Whether the default rules (used only when <see cref="Rules"/> is empty) grant anonymous sessions too. Hosts
    /// set it when they let anonymous clients connect, so opening the broker is one setting, not two.
    /// </summary>
    public bool DefaultsIncludeAnonymous { get; set; }
}
