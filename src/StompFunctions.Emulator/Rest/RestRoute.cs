using Microsoft.AspNetCore.Http.Features;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Reads a data-plane path: its segments after <c>/api/hubs/</c>, and their shape, with literal segments at even
/// positions and names at odd ones (<c>groups/{}/connections/{}</c>), which holds for every operation of the spec.
/// </summary>
internal static class RestRoute
{
    private const string HubsPrefix = "/api/hubs/";

    public static string Shape(IReadOnlyList<string> segments)
    {
        var parts = new string[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            parts[i] = i % 2 == 0 ? segments[i] : "{}";
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// Segments after <c>/api/hubs/</c>, each URL-decoded on its own from the raw target, so that an escaped
    /// <c>/</c> inside a group or user name stays part of the name; null when the path has none or an empty one.
    /// </summary>
    public static List<string>? Segments(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? raw : raw[..queryStart];
        var prefixAt = path.IndexOf(HubsPrefix, StringComparison.OrdinalIgnoreCase);
        if (prefixAt < 0)
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in path[(prefixAt + HubsPrefix.Length)..].Split('/'))
        {
            if (segment.Length == 0)
            {
                return null;
            }

            segments.Add(Uri.UnescapeDataString(segment));
        }

        return segments;
    }
}
