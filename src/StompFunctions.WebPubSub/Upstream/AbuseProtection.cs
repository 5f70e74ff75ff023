namespace StompFunctions.WebPubSub.Upstream;

/// <summary>
/// Answers the CloudEvents abuse-protection preflight (webpubsub-protocol.md §2.4): the service sends
/// <c>OPTIONS</c> with <c>WebHook-Request-Origin</c> and delivers events only after a 2xx carrying
/// <c>WebHook-Allowed-Origin</c>. Origins compare by host name, case-insensitively, ignoring scheme and port,
/// so <c>https://x.webpubsub.azure.com</c>, <c>x.webpubsub.azure.com:443</c> and <c>x.webpubsub.azure.com</c> are one origin.
/// </summary>
internal sealed class AbuseProtection
{
    private readonly bool _allowAny;
    private readonly HashSet<string> _allowed = new(StringComparer.OrdinalIgnoreCase);

    public AbuseProtection(IEnumerable<string> allowedOrigins)
    {
        foreach (var origin in allowedOrigins)
        {
            if (origin.Trim() == "*")
            {
                _allowAny = true;
            }
            else if (NormalizeHost(origin) is { Length: > 0 } host)
            {
                _allowed.Add(host);
            }
        }
    }

    public AbuseProtectionResult Check(string? requestOrigin)
    {
        if (string.IsNullOrWhiteSpace(requestOrigin))
        {
            return AbuseProtectionResult.Reject(UpstreamProblem.PreflightOriginMissing);
        }

        // With replicas or custom domains the header lists several hosts ("a, b"); one allowed host is enough,
        // and the answer is then "*" because the header can echo only one origin (Azure/azure-webpubsub#598).
        var origins = requestOrigin.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (origins.Length == 0)
        {
            return AbuseProtectionResult.Reject(UpstreamProblem.PreflightOriginEmpty);
        }

        var allowed = _allowAny || origins.Any(origin => _allowed.Contains(NormalizeHost(origin)));
        if (!allowed)
        {
            return AbuseProtectionResult.Reject(UpstreamProblem.PreflightOriginNotAllowed);
        }

        return AbuseProtectionResult.Allow(origins.Length == 1 && !_allowAny ? origins[0] : "*");
    }

    internal static string NormalizeHost(string origin)
    {
        var value = origin.Trim();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            value = value[(scheme + 3)..];
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            value = value[..slash];
        }

        // Bracketed IPv6 literals keep their colons; otherwise the last colon starts a port.
        var colon = value.LastIndexOf(':');
        if (colon > 0 && value.IndexOf(']', StringComparison.Ordinal) < colon)
        {
            value = value[..colon];
        }

        return value;
    }
}
