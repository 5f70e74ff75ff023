namespace StompFunctions.Broker.Delivery;

/// <summary>
/// Spring's user destinations. A session SUBSCRIBEs to <c>/user/queue/NAME</c> (or <c>/user/topic/NAME</c>) and the
/// engine keeps the subscription under the session user's own key, <c>/user/{user}/queue/NAME</c>; a SEND to that key
/// reaches every subscribed session of the user, each MESSAGE showing the destination as subscribed. The routes and
/// groups of one user never mix with another's, since the key (and so the group) names the user.
/// </summary>
internal static class UserDestinations
{
    /// <summary>The prefix of every user destination.</summary>
    public const string Prefix = "/user/";

    private static readonly string[] Kinds = ["queue/", "topic/"];

    /// <summary>Whether the destination is under <see cref="Prefix"/>.</summary>
    public static bool IsUser(string destination) => destination.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The key of <paramref name="user"/>'s subscription to <paramref name="subscribed"/> (<c>/user/queue/NAME</c>); false when either is malformed.</summary>
    public static bool TryResolve(string subscribed, string user, out string key)
    {
        key = "";
        var rest = subscribed.AsSpan(Prefix.Length);
        if (!IsUser(subscribed) || !IsKindAndName(rest) || !IsUserName(user))
        {
            return false;
        }

        key = string.Concat(Prefix, user, "/", rest);
        return true;
    }

    /// <summary>The destination a subscriber sees for a SEND to <paramref name="addressed"/> (<c>/user/{user}/queue/NAME</c>); false when malformed.</summary>
    public static bool TryShown(string addressed, out string shown)
    {
        shown = "";
        if (!IsUser(addressed))
        {
            return false;
        }

        var rest = addressed.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !IsKindAndName(rest[(slash + 1)..]))
        {
            return false;
        }

        shown = string.Concat(Prefix, rest[(slash + 1)..]);
        return true;
    }

    /// <summary>The key a publish to <paramref name="user"/>'s <paramref name="destination"/> (<c>/queue/NAME</c>) addresses.</summary>
    public static string For(string user, string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!IsUserName(user) || destination.Length == 0 || destination[0] != '/' || !IsKindAndName(destination.AsSpan(1)))
        {
            throw new ArgumentException($"A user destination needs a user without '/' and a destination /queue/NAME or /topic/NAME (got '{user}', '{destination}').", nameof(destination));
        }

        return string.Concat(Prefix, user, destination);
    }

    private static bool IsUserName(string? user) => !string.IsNullOrEmpty(user) && !user.Contains('/', StringComparison.Ordinal);

    private static bool IsKindAndName(ReadOnlySpan<char> rest)
    {
        foreach (var kind in Kinds)
        {
            if (rest.StartsWith(kind, StringComparison.Ordinal) && rest.Length > kind.Length)
            {
                return true;
            }
        }

        return false;
    }
}
