namespace StompFunctions.Broker.Authorization;

/// <summary>
/// One configured rule: the roles that may SUBSCRIBE to and SEND to destinations matching <see cref="Pattern"/>.
/// Besides role names, <c>*</c> means every session (anonymous ones too) and <c>@authenticated</c> every session
/// with a user id. App settings: <c>DestinationRules__Rules__0__Pattern</c>, <c>DestinationRules__Rules__0__Subscribe__0</c>, ….
/// </summary>
public sealed class DestinationRuleOptions
{
    /// <summary>The destination pattern (<c>/topic/**</c>, <c>/queue/orders.*</c>, <c>/user/**</c>).</summary>
    public string Pattern { get; set; } = "";

    /// <summary>Roles that may SUBSCRIBE to matching destinations.</summary>
    public IList<string> Subscribe { get; set; } = [];

    /// <summary>Roles that may SEND to matching destinations.</summary>
    public IList<string> Send { get; set; } = [];
}
