namespace StompFunctions.Emulator.Upstream;

/// <summary>How an upstream delivery ended.</summary>
internal enum UpstreamOutcome
{
    /// <summary>The handler answered (any status; see <see cref="UpstreamResponse.StatusCode"/>).</summary>
    Answered,

    /// <summary>No event handler of the hub matches the event.</summary>
    NoHandler,

    /// <summary>The handler URL failed the abuse-protection check, could not be reached or timed out.</summary>
    Unreachable,
}
