namespace StompFunctions.Emulator.Hubs;

/// <summary>Name rules of the data-plane spec (webpubsub-protocol.md §1.1 and §3).</summary>
internal static class NameRules
{
    private const int MaxGroupNameLength = 1024;
    private const int MaxHubNameLength = 128;

    /// <summary>Hub: <c>^[A-Za-z][A-Za-z0-9_`,.[\]]{0,127}$</c>.</summary>
    public static bool IsValidHub(string hub)
    {
        if (hub.Length is 0 or > MaxHubNameLength || !char.IsAsciiLetter(hub[0]))
        {
            return false;
        }

        foreach (var c in hub.AsSpan(1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '`' or ',' or '.' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Group: 1–1024 characters, not all whitespace.</summary>
    public static bool IsValidGroup(string group) =>
        group.Length is > 0 and <= MaxGroupNameLength && !string.IsNullOrWhiteSpace(group);

    /// <summary>Connection and user ids: non-empty (the spec only requires a minimum length of 1).</summary>
    public static bool IsValidId(string id) => id.Length > 0;
}
