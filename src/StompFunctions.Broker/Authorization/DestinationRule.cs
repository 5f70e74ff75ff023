namespace StompFunctions.Broker.Authorization;

/// <summary>A validated rule: a pattern and the roles granted each action on matching destinations.</summary>
public sealed class DestinationRule
{
    /// <summary>The pseudo-role of every session, anonymous ones included.</summary>
    public const string Anyone = "*";

    /// <summary>The pseudo-role of every session with a user id.</summary>
    public const string Authenticated = "@authenticated";

    private readonly string[] _subscribe;
    private readonly string[] _send;

    /// <summary>Creates a rule; throws <see cref="FormatException"/> for a malformed pattern.</summary>
    public DestinationRule(string pattern, IEnumerable<string> subscribe, IEnumerable<string> send)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        ArgumentNullException.ThrowIfNull(send);
        Pattern = DestinationPattern.Parse(pattern);
        _subscribe = [.. subscribe.Where(static role => !string.IsNullOrWhiteSpace(role)).Select(static role => role.Trim())];
        _send = [.. send.Where(static role => !string.IsNullOrWhiteSpace(role)).Select(static role => role.Trim())];
    }

    /// <summary>The destination pattern.</summary>
    public DestinationPattern Pattern { get; }

    /// <summary>Roles that may SUBSCRIBE to matching destinations.</summary>
    public IReadOnlyList<string> Subscribe => _subscribe;

    /// <summary>Roles that may SEND to matching destinations.</summary>
    public IReadOnlyList<string> Send => _send;

    /// <summary>Whether this rule lets a session with <paramref name="user"/> and <paramref name="roles"/> do <paramref name="action"/> on <paramref name="destination"/>.</summary>
    public bool Grants(DestinationAction action, string destination, string? user, IReadOnlyList<string> roles)
    {
        var granted = action == DestinationAction.Subscribe ? _subscribe : _send;
        return granted.Length > 0 && Names(granted, user, roles) && Pattern.IsMatch(destination);
    }

    private static bool Names(string[] granted, string? user, IReadOnlyList<string> roles)
    {
        foreach (var role in granted)
        {
            var held = role switch
            {
                Anyone => true,
                Authenticated => !string.IsNullOrEmpty(user),
                _ => roles.Contains(role, StringComparer.Ordinal),
            };
            if (held)
            {
                return true;
            }
        }

        return false;
    }
}
