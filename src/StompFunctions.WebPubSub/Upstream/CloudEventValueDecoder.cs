using System.Buffers;
using System.Text;

namespace StompFunctions.WebPubSub.Upstream;

/// <summary>Decodes a percent-encoded CloudEvents attribute (CloudEvents HTTP binding 1.0.2 §3.1.3.2), strictly.</summary>
internal static class CloudEventValueDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>False for a bad escape or octets that are not UTF-8: an identity is never guessed.</summary>
    public static bool TryDecode(string value, out string decoded)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            decoded = value;
            return true;
        }

        decoded = string.Empty;
        var octets = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c != '%')
                {
                    count += Encoding.UTF8.GetBytes(value.AsSpan(i, 1), octets.AsSpan(count));
                    continue;
                }

                if (i + 2 >= value.Length || !IsHex(value[i + 1]) || !IsHex(value[i + 2]))
                {
                    return false;
                }

                octets[count++] = (byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2]));
                i += 2;
            }

            try
            {
                decoded = StrictUtf8.GetString(octets, 0, count);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(octets);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
