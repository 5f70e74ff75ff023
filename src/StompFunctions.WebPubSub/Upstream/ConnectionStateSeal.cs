using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace StompFunctions.WebPubSub.Upstream;

/// <summary>
/// Makes <c>ce-connectionState</c> tamper-evident. The service stores the state and sends it back, but <c>ce-signature</c>
/// covers only the connection id, so a captured signed request could carry any state (another user, other
/// subscriptions). Each state leaves as <c>&lt;MAC&gt;.&lt;state&gt;</c>, the MAC being HMAC-SHA256 over the connection id and
/// the state, truncated to 128 bits, under a key derived (HKDF-SHA256) from the access key; a state comes back in
/// only when its MAC matches under the primary or the secondary key. It cannot stop the replay of an older state
/// this server issued for the same connection.
/// </summary>
internal sealed class ConnectionStateSeal
{
    private const int MacBytes = 16;
    private const int MacChars = 22; // base64url of 16 bytes, no padding
    private const int StackLimit = 1024;
    private static readonly byte[] Info = "StompFunctions ce-connectionState MAC v1"u8.ToArray();

    // One keyed HMAC per key and thread: keying once, not per event, is most of the saving on short states.
    private readonly ThreadLocal<IncrementalHash>[] _keys;

    public ConnectionStateSeal(IEnumerable<string> accessKeys)
    {
        _keys = accessKeys
            .Where(static key => !string.IsNullOrEmpty(key))
            .Distinct(StringComparer.Ordinal)
            .Select(static key => HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key), 32, salt: [], info: Info))
            .Select(static key => new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key)))
            .ToArray();
    }

    /// <summary>False without any access key: then states pass unsealed (only possible with signature checks disabled).</summary>
    public bool IsActive => _keys.Length > 0;

    /// <summary>The sealed form of a state, under the primary key.</summary>
    public string Seal(string connectionId, string state)
    {
        Span<byte> mac = stackalloc byte[MacBytes];
        Compute(_keys[0], connectionId, state, mac);
        Span<char> text = stackalloc char[MacChars];
        Base64Url.EncodeToChars(mac, text);
        return string.Concat(text, ".", state);
    }

    /// <summary>The state inside a sealed value, or false when the value was not sealed by this server for this connection.</summary>
    public bool TryOpen(string connectionId, string sealedState, out string state)
    {
        state = string.Empty;
        if (sealedState.Length <= MacChars || sealedState[MacChars] != '.')
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[MacBytes];
        if (Base64Url.DecodeFromChars(sealedState.AsSpan(0, MacChars), presented, out _, out var written) != OperationStatus.Done || written != MacBytes)
        {
            return false;
        }

        var inner = sealedState.AsSpan(MacChars + 1);
        Span<byte> expected = stackalloc byte[MacBytes];
        foreach (var key in _keys)
        {
            Compute(key, connectionId, inner, expected);
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                state = inner.ToString();
                return true;
            }
        }

        return false;
    }

    /// <summary>HMAC-SHA256(key, UTF-8(connection id) NUL UTF-8(state)), first 16 bytes; the NUL keeps the two apart.</summary>
    private static void Compute(ThreadLocal<IncrementalHash> key, string connectionId, ReadOnlySpan<char> state, Span<byte> mac)
    {
        var length = Encoding.UTF8.GetMaxByteCount(connectionId.Length + 1 + state.Length);
        byte[]? rented = null;
        var data = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var count = Encoding.UTF8.GetBytes(connectionId, data);
            data[count++] = 0;
            count += Encoding.UTF8.GetBytes(state, data[count..]);
            Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
            var hmac = key.Value!;
            hmac.AppendData(data[..count]);
            hmac.GetHashAndReset(full);
            full[..MacBytes].CopyTo(mac);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
