namespace StompFunctions.Emulator;

/// <summary>
/// How <c>ce-userId</c> carries a user id. HTTP header values are ASCII; how the service writes other characters is
/// UNCONFIRMED (webpubsub-protocol.md §2.2 says nothing), hence the setting.
/// </summary>
public enum UserIdHeaderEncoding
{
    /// <summary>
    /// CloudEvents HTTP binding 1.0.2 §3.1.3.2: UTF-8, then every octet outside <c>!</c>–<c>~</c>, and space, <c>"</c>
    /// and <c>%</c>, as <c>%XX</c>. Plain ASCII names travel unchanged. The default.
    /// </summary>
    PercentEncoded,

    /// <summary>The UTF-8 octets as they are (obs-text). Control characters cannot travel this way; such events are not delivered.</summary>
    Utf8,
}
