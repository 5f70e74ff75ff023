using System.Diagnostics.CodeAnalysis;

namespace StompFunctions.Tables.Keys;

/// <summary>
/// Reversible encoding of STOMP names (destinations, subscription ids, group names, connection ids)
/// into Table Storage keys. Table keys may not contain <c>/ \ # ?</c>, U+0000–U+001F or U+007F–U+009F
/// and are at most 1 KiB; each such character becomes <c>!XX</c> (two upper-case hex digits of its
/// code point). A few more characters are escaped the same way:
/// <list type="bullet">
/// <item><c>!</c>, the escape itself, so decoding is unambiguous;</item>
/// <item><c>|</c>, so it can separate the parts of composite row keys;</item>
/// <item><c>%</c>, <c>+</c> and <c>'</c>, which key values reach through URL paths and OData literals
/// where some stacks (Azurite's batch parser among them) have decoded them twice.</item>
/// </list>
/// A name with nothing to escape is its own key, with no allocation: the hot path (SEND) costs nothing.
/// </summary>
internal static class TableKeyEncoding
{
    /// <summary>
    /// The longest key in characters. The service allows 1 KiB, which is 512 UTF-16 code units, and
    /// Azurite rejects anything longer than 512 characters.
    /// </summary>
    public const int MaxKeyLength = 512;

    /// <summary>Starts an escape; never appears unescaped in an encoded key.</summary>
    public const char EscapeChar = '!';

    /// <summary>Separates the parts of composite keys; never appears unescaped in an encoded part.</summary>
    public const char Separator = '|';

    private const int EscapedLength = 3;

    /// <summary>The encoded length of <paramref name="value"/>, or -1 when it is not valid UTF-16 (a lone surrogate).</summary>
    public static int GetEncodedLength(ReadOnlySpan<char> value)
    {
        var length = value.Length;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (NeedsEscape(c))
            {
                length += EscapedLength - 1;
            }
            else if (char.IsHighSurrogate(c))
            {
                // A lone surrogate cannot travel as UTF-8 JSON; reject instead of corrupting it.
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return -1;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return -1;
            }
        }

        return length;
    }

    /// <summary>
    /// Encodes <paramref name="value"/> as a whole key. False when the result would exceed
    /// <paramref name="maxLength"/> or the value is not valid UTF-16.
    /// </summary>
    public static bool TryEncode(string value, [NotNullWhen(true)] out string? key, int maxLength = MaxKeyLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = GetEncodedLength(value);
        if (length < 0 || length > maxLength)
        {
            key = null;
            return false;
        }

        key = length == value.Length ? value : string.Create(length, value, static (span, source) => Write(source, span));
        return true;
    }

    /// <summary>Writes the encoding of <paramref name="value"/>; the destination must hold <see cref="GetEncodedLength"/> characters.</summary>
    public static int Write(ReadOnlySpan<char> value, Span<char> destination)
    {
        var written = 0;
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                destination[written] = EscapeChar;
                destination[written + 1] = ToHex(c >> 4);
                destination[written + 2] = ToHex(c & 0xF);
                written += EscapedLength;
            }
            else
            {
                destination[written++] = c;
            }
        }

        return written;
    }

    /// <summary>Decodes a key written by <see cref="TryEncode"/>; false when it is not such a key.</summary>
    public static bool TryDecode(ReadOnlySpan<char> key, [NotNullWhen(true)] out string? value)
    {
        if (!key.Contains(EscapeChar))
        {
            value = key.ToString();
            return true;
        }

        // Decoding only shrinks, so the key's length bounds the result, even for malformed input.
        Span<char> buffer = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        var written = 0;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c != EscapeChar)
            {
                buffer[written++] = c;
                continue;
            }

            if (i + 2 >= key.Length || !TryFromHex(key[i + 1], key[i + 2], out var decoded) || !NeedsEscape(decoded))
            {
                // Only escapes the encoder writes are accepted, so every key has exactly one reading.
                value = null;
                return false;
            }

            buffer[written++] = decoded;
            i += 2;
        }

        value = new string(buffer[..written]);
        return true;
    }

    /// <summary>Decodes a key written by <see cref="TryEncode"/>, throwing <see cref="FormatException"/> on any other string.</summary>
    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.AsSpan().IndexOf(EscapeChar) < 0)
        {
            return key;
        }

        return TryDecode(key, out var value) ? value : throw new FormatException("The string is not an encoded table key.");
    }

    /// <summary>Whether <paramref name="c"/> is written as an escape.</summary>
    public static bool NeedsEscape(char c) => c switch
    {
        < '\u0020' => true,
        >= '\u007F' and <= '\u009F' => true,
        '/' or '\\' or '#' or '?' => true,
        EscapeChar or Separator or '%' or '+' or '\'' => true,
        _ => false,
    };

    private static char ToHex(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

    private static bool TryFromHex(char high, char low, out char value)
    {
        var h = FromHex(high);
        var l = FromHex(low);
        value = (char)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int FromHex(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
