namespace StompFunctions.WebPubSub.Upstream;

/// <summary>ERROR frames the adapter itself sends, for input the engine never sees.</summary>
internal static class ErrorFrames
{
    /// <summary>A WebSocket message beyond the service's 1 MB limit (STOMP-S18: ERROR then close, not a silent drop).</summary>
    public static ReadOnlyMemory<byte> TooLarge { get; } = "ERROR\nmessage:frame too large\n\n\0"u8.ToArray();

    /// <summary>What a client gets when the server itself failed: the spec wants an ERROR, then a close (STOMP-S58).</summary>
    public static ReadOnlyMemory<byte> Internal { get; } =
        "ERROR\ncontent-type:text/plain\ncontent-length:40\nmessage:internal server error\n\nThe server failed; reconnect and retry.\n\0"u8.ToArray();
}
