namespace StompFunctions.WebPubSub.Upstream;

/// <summary>The answer to a preflight: a status, the origin to echo when allowed, or an error message.</summary>
internal readonly record struct AbuseProtectionResult(int StatusCode, string? AllowedOrigin, string? Error)
{
    public static AbuseProtectionResult Allow(string origin) => new(200, origin, null);

    public static AbuseProtectionResult Reject(int statusCode, string error) => new(statusCode, null, error);
}
