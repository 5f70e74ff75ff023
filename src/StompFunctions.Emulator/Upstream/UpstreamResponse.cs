using System.Net.Http.Headers;

namespace StompFunctions.Emulator.Upstream;

/// <summary>The handler's answer, reduced to what the service acts on.</summary>
internal sealed record UpstreamResponse(
    UpstreamOutcome Outcome,
    int StatusCode,
    bool HasState,
    string? State,
    MediaTypeHeaderValue? ContentType,
    byte[] Body)
{
    public bool IsSuccess => Outcome == UpstreamOutcome.Answered && StatusCode is >= 200 and < 300;

    public static UpstreamResponse NoHandler { get; } = new(UpstreamOutcome.NoHandler, 0, false, null, null, []);

    public static UpstreamResponse Unreachable { get; } = new(UpstreamOutcome.Unreachable, 0, false, null, null, []);
}
