namespace StompFunctions.Protocol;

/// <summary>
/// Limits the reader enforces while scanning, before it buffers anything beyond them ([Size Limits]).
/// The defaults fit one Azure Web PubSub message (1 MB per WebSocket message).
/// </summary>
public sealed class StompParseOptions
{
    /// <summary>
    /// 1 MiB. UNCONFIRMED: Web PubSub documents "1 MB" without saying whether that is 10^6 or 2^20 bytes;
    /// a frame larger than one message can still arrive split, so this is a policy, configurable here.
    /// </summary>
    public const int DefaultMaxFrameBytes = 1024 * 1024;

    /// <summary>The smallest accepted <see cref="MaxFrameBytes"/>: room for any command line and a short header.</summary>
    public const int MinimumFrameBytes = 64;

    /// <summary>Options with the default limits.</summary>
    public static StompParseOptions Default { get; } = new();

    /// <summary>Largest frame in bytes, from the first command octet to the terminating NUL included.</summary>
    public int MaxFrameBytes { get; init; } = DefaultMaxFrameBytes;

    /// <summary>Most header lines per frame (repeated names count).</summary>
    public int MaxHeaderCount { get; init; } = 128;

    /// <summary>Longest header line in bytes, EOL excluded. Large enough for a JWT passed as passcode.</summary>
    public int MaxHeaderLineBytes { get; init; } = 16 * 1024;

    /// <summary>Largest body in bytes.</summary>
    public int MaxBodyBytes { get; init; } = DefaultMaxFrameBytes;

    /// <summary>
    /// Skip NUL octets found between frames, as stompjs's own parser does. Policy: some clients emit them,
    /// and tolerating them is harmless; set false to reject them as an unknown command.
    /// </summary>
    public bool SkipNulBetweenFrames { get; init; } = true;

    /// <summary>Throws when a limit is not positive or the frame limit is below <see cref="MinimumFrameBytes"/>.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameBytes, MinimumFrameBytes, nameof(MaxFrameBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxHeaderCount, nameof(MaxHeaderCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxHeaderLineBytes, nameof(MaxHeaderLineBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxBodyBytes, nameof(MaxBodyBytes));
    }
}
