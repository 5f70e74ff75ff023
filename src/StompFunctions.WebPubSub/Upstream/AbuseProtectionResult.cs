namespace StompFunctions.WebPubSub.Upstream;

/// <summary>The answer to a preflight: the origin to echo when allowed, or the problem.</summary>
internal readonly record struct AbuseProtectionResult(string? AllowedOrigin, UpstreamProblem? Problem)
{
    /// <summary>200 when allowed, else the problem's status.</summary>
    public int StatusCode => Problem is { } problem ? UpstreamProblems.Status(problem) : 200;

    public static AbuseProtectionResult Allow(string origin) => new(origin, null);

    public static AbuseProtectionResult Reject(UpstreamProblem problem) => new(null, problem);
}
