using System.Security.Cryptography;
using System.Text;
using StompFunctions.Emulator.Auth;

namespace StompFunctions.Emulator.Upstream;

/// <summary>
/// The <c>ce-signature</c> header: <c>sha256=hex(HMAC-SHA256(UTF-8 key, connectionId))</c> for the primary
/// key and, when configured, the secondary one, comma-separated (webpubsub-protocol.md §2.3).
/// </summary>
internal static class EventSignature
{
    private const int StackLimit = 256;

    public static string Compute(string connectionId, string primaryKey, string? secondaryKey)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(connectionId.Length);
        Span<byte> data = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : new byte[maxBytes];
        data = data[..Encoding.UTF8.GetBytes(connectionId, data)];
        var value = "sha256=" + Hex(primaryKey, data);
        return string.IsNullOrEmpty(secondaryKey) ? value : value + ",sha256=" + Hex(secondaryKey, data);
    }

    private static string Hex(string key, ReadOnlySpan<byte> data)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        KeyedHmac.Compute(key, data, mac);
        return Convert.ToHexStringLower(mac);
    }
}
