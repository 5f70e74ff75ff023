namespace StompFunctions.WebPubSub;

/// <summary>
/// How the service writes <c>ce-userId</c>. HTTP header values are ASCII, and which form the service uses for other
/// characters is UNCONFIRMED (webpubsub-protocol.md §2.2 says nothing), hence the setting.
/// </summary>
public enum UserIdHeaderFormat
{
    /// <summary>
    /// CloudEvents HTTP binding 1.0.2 §3.1.3.2: <c>%XX</c> escapes of UTF-8 octets, decoded here. A plain ASCII name
    /// without <c>%</c> reads the same in both formats. The default, and what the local emulator sends.
    /// </summary>
    PercentEncoded,

    /// <summary>The header value as the server decoded it (Kestrel reads non-ASCII octets as UTF-8).</summary>
    Raw,
}
