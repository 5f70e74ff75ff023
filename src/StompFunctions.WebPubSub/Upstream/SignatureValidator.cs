using System.Security.Cryptography;
using System.Text;

namespace StompFunctions.WebPubSub.Upstream;

/// <summary>
/// Checks <c>ce-signature</c>: a comma-separated list of <c>sha256=&lt;hex HMAC-SHA256(UTF-8 key, UTF-8 connection id)&gt;</c>,
/// one per service key (webpubsub-protocol.md §2.3). A request is genuine when any entry matches any configured key,
/// so the primary and the secondary key both work during rotation. Hex is compared as bytes (upper or lower case
/// both decode) with <see cref="CryptographicOperations.FixedTimeEquals"/>. No key configured means nothing is valid.
/// </summary>
internal sealed class SignatureValidator
{
    private const int HashBytes = 32;
    private const int MaxEntries = 8;

    // One keyed HMAC per key and thread: a one-shot HMACSHA256.HashData sets up OpenSSL's MAC for every event
    // (about 2.5 µs against 0.9 µs keyed once).
    private readonly ThreadLocal<IncrementalHash>[] _keys;

    public SignatureValidator(IEnumerable<string> accessKeys)
    {
        _keys = accessKeys
            .Where(static key => !string.IsNullOrEmpty(key))
            .Distinct(StringComparer.Ordinal)
            .Select(static key => Encoding.UTF8.GetBytes(key))
            .Select(static key => new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key)))
            .ToArray();
    }

    public bool HasKeys => _keys.Length > 0;

    public bool IsValid(string? connectionId, string? signatureHeader)
    {
        if (_keys.Length == 0 || string.IsNullOrEmpty(connectionId) || string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        // Connection ids are short: hash them from the stack, not from a fresh array per request.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(connectionId.Length);
        Span<byte> data = maxBytes <= 256 ? stackalloc byte[256] : new byte[maxBytes];
        data = data[..Encoding.UTF8.GetBytes(connectionId, data)];
        Span<byte> expected = stackalloc byte[HashBytes * MaxEntries];
        var keyCount = Math.Min(_keys.Length, MaxEntries);
        for (var i = 0; i < keyCount; i++)
        {
            var hmac = _keys[i].Value!;
            hmac.AppendData(data);
            hmac.GetHashAndReset(expected.Slice(i * HashBytes, HashBytes));
        }

        Span<byte> presented = stackalloc byte[HashBytes];
        var valid = false;
        var entries = 0;
        foreach (var range in signatureHeader.AsSpan().Split(','))
        {
            if (++entries > MaxEntries)
            {
                break;
            }

            if (!TryDecodeEntry(signatureHeader.AsSpan()[range].Trim(), presented))
            {
                continue;
            }

            for (var i = 0; i < keyCount; i++)
            {
                // No early exit: every entry is compared against every key, so timing does not tell which matched.
                valid |= CryptographicOperations.FixedTimeEquals(presented, expected.Slice(i * HashBytes, HashBytes));
            }
        }

        return valid;
    }

    private static bool TryDecodeEntry(ReadOnlySpan<char> entry, Span<byte> hash)
    {
        const string Prefix = "sha256=";
        if (entry.Length != Prefix.Length + (HashBytes * 2) || !entry.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Convert.FromHexString(entry[Prefix.Length..], hash, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == HashBytes;
    }
}
