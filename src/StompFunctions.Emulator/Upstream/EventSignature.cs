using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using StompFunctions.Emulator.Auth;

namespace StompFunctions.Emulator.Upstream;

/// <summary>
/// The <c>ce-signature</c> header: <c>sha256=hex(HMAC-SHA256(UTF-8 key, connectionId))</c> for the primary
/// key and, when configured, the secondary one, comma-separated (webpubsub-protocol.md §2.3). It depends on the
/// connection and the keys only, so each connection's value is kept with the keys it was made with (a changed key
/// makes a new one), for a bounded number of recent connections.
/// </summary>
internal static class EventSignature
{
    private const int StackLimit = 256;
    private const int MaxKept = 4096;
    private const string Prefix = "sha256=";
    private const int EntryLength = 7 + (2 * HMACSHA256.HashSizeInBytes);

    private static readonly ConcurrentDictionary<string, Signed> Kept = new(StringComparer.Ordinal);

    public static string Compute(string connectionId, string primaryKey, string? secondaryKey)
    {
        if (Kept.TryGetValue(connectionId, out var kept)
            && string.Equals(kept.PrimaryKey, primaryKey, StringComparison.Ordinal)
            && string.Equals(kept.SecondaryKey, secondaryKey, StringComparison.Ordinal))
        {
            return kept.Value;
        }

        var value = Sign(connectionId, primaryKey, secondaryKey);
        if (Kept.Count >= MaxKept)
        {
            Kept.Clear();
        }

        Kept[connectionId] = new Signed(primaryKey, secondaryKey, value);
        return value;
    }

    private static string Sign(string connectionId, string primaryKey, string? secondaryKey)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(connectionId.Length);
        Span<byte> data = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : new byte[maxBytes];
        data = data[..Encoding.UTF8.GetBytes(connectionId, data)];
        Span<char> value = stackalloc char[(2 * EntryLength) + 1];
        var length = WriteEntry(primaryKey, data, value);
        if (!string.IsNullOrEmpty(secondaryKey))
        {
            value[length++] = ',';
            length += WriteEntry(secondaryKey, data, value[length..]);
        }

        return new string(value[..length]);
    }

    private static int WriteEntry(string key, ReadOnlySpan<byte> data, Span<char> destination)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        KeyedHmac.Compute(key, data, mac);
        Prefix.CopyTo(destination);
        Convert.TryToHexStringLower(mac, destination[Prefix.Length..], out var written);
        return Prefix.Length + written;
    }

    private sealed record Signed(string PrimaryKey, string? SecondaryKey, string Value);
}
