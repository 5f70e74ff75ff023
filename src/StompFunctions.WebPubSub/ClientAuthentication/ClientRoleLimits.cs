namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// Which roles of an identity reach the Web PubSub token: distinct, non-empty, never a Web PubSub permission
/// (<c>webpubsub.*</c>, which would let a client act on groups directly), and few enough to fit the token and the
/// connection state.
/// </summary>
internal static class ClientRoleLimits
{
    public const int MaxRoles = 32;

    public const int MaxRoleLength = 128;

    /// <summary>The application roles of <paramref name="roles"/>, or null when there are too many or too long ones.</summary>
    public static IReadOnlyList<string>? Select(IEnumerable<string> roles)
    {
        var selected = new List<string>();
        foreach (var role in roles)
        {
            if (role.Length == 0 || role.StartsWith("webpubsub.", StringComparison.OrdinalIgnoreCase) || selected.Contains(role, StringComparer.Ordinal))
            {
                continue;
            }

            if (role.Length > MaxRoleLength || selected.Count == MaxRoles)
            {
                return null;
            }

            selected.Add(role);
        }

        return selected;
    }
}
