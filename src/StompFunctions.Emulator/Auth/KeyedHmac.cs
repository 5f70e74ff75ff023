using System.Security.Cryptography;
using System.Text;

namespace StompFunctions.Emulator.Auth;

/// <summary>
/// HMAC-SHA256 under an access key string (its UTF-8 bytes), keyed once per thread and key rather than per call: a
/// one-shot <see cref="HMACSHA256.HashData(byte[], byte[])"/> sets up OpenSSL's MAC afresh each time (about 2.5 µs
/// against 0.9 µs here), and every upstream event and REST call computes one. Keys come from live options, so a
/// changed key simply keys a new instance; each thread keeps the last few.
/// </summary>
internal static class KeyedHmac
{
    private const int KeysPerThread = 4;

    [ThreadStatic]
    private static (string Key, IncrementalHash Hmac)[]? t_keyed;

    /// <summary>Writes the 32-byte MAC of <paramref name="data"/> under <paramref name="key"/> into <paramref name="mac"/>.</summary>
    public static void Compute(string key, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        var hmac = For(key);
        hmac.AppendData(data);
        hmac.GetHashAndReset(mac);
    }

    private static IncrementalHash For(string key)
    {
        var keyed = t_keyed ??= new (string, IncrementalHash)[KeysPerThread];
        for (var i = 0; i < keyed.Length; i++)
        {
            if (keyed[i].Key is null)
            {
                break;
            }

            if (string.Equals(keyed[i].Key, key, StringComparison.Ordinal))
            {
                return keyed[i].Hmac;
            }
        }

        // Not seen on this thread: the least recently added one makes room (slot 0 is the newest).
        keyed[^1].Hmac?.Dispose();
        Array.Copy(keyed, 0, keyed, 1, keyed.Length - 1);
        keyed[0] = (key, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key)));
        return keyed[0].Hmac;
    }
}
