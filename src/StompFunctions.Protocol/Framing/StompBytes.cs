namespace StompFunctions.Protocol.Framing;

/// <summary>The octets the STOMP grammar gives meaning to.</summary>
internal static class StompBytes
{
    public const byte ByteNul = 0x00;
    public const byte ByteLF = 0x0A;
    public const byte ByteCR = 0x0D;
    public const byte ByteColon = 0x3A;
    public const byte ByteBackslash = 0x5C;

    /// <summary>The longest command name (UNSUBSCRIBE) plus an optional CR.</summary>
    public const int MaxCommandLineBytes = 12;
}
