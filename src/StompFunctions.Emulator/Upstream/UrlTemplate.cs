namespace StompFunctions.Emulator.Upstream;

/// <summary>Expands <c>{hub}</c> and <c>{event}</c> in a handler URL template, URL-escaping the values.</summary>
internal static class UrlTemplate
{
    public static Uri? Expand(string template, string hub, string eventName)
    {
        var url = template
            .Replace("{hub}", Uri.EscapeDataString(hub), StringComparison.OrdinalIgnoreCase)
            .Replace("{event}", Uri.EscapeDataString(eventName), StringComparison.OrdinalIgnoreCase);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }
}
