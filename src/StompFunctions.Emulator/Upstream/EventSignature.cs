using System.Security.Cryptography;
using System.Text;

namespace StompFunctions.Emulator.Upstream;

/// <summary>
/// The <c>ce-signature</c> header: <c>sha256=hex(HMAC-SHA256(UTF-8 key, connectionId))</c> for the primary
/// key and, when configured, the secondary one, comma-separated (webpubsub-protocol.md §2.3).
/// </summary>
internal static class EventSignature
{
    public static string Compute(string connectionId, string primaryKey, string? secondaryKey)
    {
        var data = Encoding.UTF8.GetBytes(connectionId);
        var value = "sha256=" + Hex(primaryKey, data);
        return string.IsNullOrEmpty(secondaryKey) ? value : value + ",sha256=" + Hex(secondaryKey, data);
    }

    private static string Hex(string key, byte[] data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), data));
}
