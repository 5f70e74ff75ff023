namespace StompFunctions.Emulator.Rest;

/// <summary>Data-plane <c>api-version</c> values the service has published (webpubsub-protocol.md §3).</summary>
internal static class ApiVersions
{
    /// <summary>The version that added listing a group's connections.</summary>
    public const string ListGroupConnections = "2024-12-01";

    private static readonly string[] Known = ["2021-10-01", "2022-11-01", "2023-07-01", "2024-01-01", "2024-12-01"];

    /// <summary>The known version spelled <paramref name="version"/> (its one string instance), or null.</summary>
    public static string? Find(ReadOnlySpan<char> version)
    {
        foreach (var known in Known)
        {
            if (version.SequenceEqual(known))
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>ISO dates compare correctly as strings.</summary>
    public static bool IsAtLeast(string version, string minimum) => string.CompareOrdinal(version, minimum) >= 0;

    public static string KnownList => string.Join(", ", Known);
}
