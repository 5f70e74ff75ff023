using System.Collections.Concurrent;

namespace StompFunctions.Emulator.Upstream;

/// <summary>
/// Expands <c>{hub}</c> and <c>{event}</c> in a handler URL template, URL-escaping the values. Every event needs two
/// (its own and the validation URL), so expansions are kept: a <see cref="Uri"/> is immutable, the key holds the
/// template itself (a changed template is a new key), and the number kept is bounded (user event names are the
/// clients' choice).
/// </summary>
internal static class UrlTemplate
{
    private const int MaxKept = 256;
    private static readonly ConcurrentDictionary<(string Template, string Hub, string EventName), Uri?> Kept = new();

    public static Uri? Expand(string template, string hub, string eventName)
    {
        var key = (template, hub, eventName);
        if (Kept.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var uri = ExpandOnce(template, hub, eventName);
        if (Kept.Count < MaxKept)
        {
            Kept.TryAdd(key, uri);
        }

        return uri;
    }

    private static Uri? ExpandOnce(string template, string hub, string eventName)
    {
        var url = template
            .Replace("{hub}", Uri.EscapeDataString(hub), StringComparison.OrdinalIgnoreCase)
            .Replace("{event}", Uri.EscapeDataString(eventName), StringComparison.OrdinalIgnoreCase);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }
}
