using System.Buffers;
using StompFunctions.Protocol.Framing;

namespace StompFunctions.Protocol.Headers;

/// <summary>
/// Escaping of header names and values. Decoding is one left-to-right scan so that <c>\\n</c> reads as
/// backslash + <c>n</c>, never as backslash + LF (the chained-replace bug of some clients).
/// </summary>
internal static class HeaderEscaping
{
    private static readonly SearchValues<byte> SpecialV12 = SearchValues.Create("\r\n:\\"u8);
    private static readonly SearchValues<byte> SpecialV11 = SearchValues.Create("\n:\\"u8);

    public static HeaderEscapeMode ModeFor(StompVersion version, StompCommand command)
    {
        if (command.IsEscapeExempt() || version == StompVersion.V1_0)
        {
            return HeaderEscapeMode.None;
        }

        return version == StompVersion.V1_1 ? HeaderEscapeMode.V11 : HeaderEscapeMode.V12;
    }

    /// <summary>True when every backslash starts an escape defined for the mode.</summary>
    public static bool IsValid(ReadOnlySpan<byte> raw, HeaderEscapeMode mode)
    {
        var i = raw.IndexOf(StompBytes.ByteBackslash);
        while (i >= 0)
        {
            // A lone trailing backslash is as undefined as any other escape.
            if ((uint)(i + 1) >= (uint)raw.Length || !IsEscapeLetter(raw[i + 1], mode))
            {
                return false;
            }

            raw = raw[(i + 2)..];
            i = raw.IndexOf(StompBytes.ByteBackslash);
        }

        return true;
    }

    /// <summary>Decodes <paramref name="raw"/> (already validated) into <paramref name="destination"/>, which needs raw.Length bytes.</summary>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination, HeaderEscapeMode mode)
    {
        if (mode == HeaderEscapeMode.None)
        {
            raw.CopyTo(destination);
            return raw.Length;
        }

        var written = 0;
        while (true)
        {
            var i = raw.IndexOf(StompBytes.ByteBackslash);
            if (i < 0 || i + 1 >= raw.Length)
            {
                raw.CopyTo(destination[written..]);
                return written + raw.Length;
            }

            raw[..i].CopyTo(destination[written..]);
            written += i;
            destination[written++] = raw[i + 1] switch
            {
                (byte)'n' => StompBytes.ByteLF,
                (byte)'r' => StompBytes.ByteCR,
                (byte)'c' => StompBytes.ByteColon,
                _ => StompBytes.ByteBackslash,
            };
            raw = raw[(i + 2)..];
        }
    }

    /// <summary>True when the raw bytes decode to exactly <paramref name="decoded"/>.</summary>
    public static bool EqualsDecoded(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> decoded, HeaderEscapeMode mode)
    {
        if (mode == HeaderEscapeMode.None || raw.IndexOf(StompBytes.ByteBackslash) < 0)
        {
            return raw.SequenceEqual(decoded);
        }

        // Each escape pair decodes to one byte, so lengths alone rule most names out cheaply.
        if (decoded.Length >= raw.Length)
        {
            return false;
        }

        var r = 0;
        var d = 0;
        while (r < raw.Length)
        {
            var b = raw[r++];
            if (b == StompBytes.ByteBackslash && r < raw.Length)
            {
                b = Decode(raw[r++]);
            }

            if (d >= decoded.Length || decoded[d++] != b)
            {
                return false;
            }
        }

        return d == decoded.Length;
    }

    /// <summary>Index of the first byte that needs escaping, or -1.</summary>
    public static int IndexOfSpecial(ReadOnlySpan<byte> value, HeaderEscapeMode mode) => mode switch
    {
        HeaderEscapeMode.V12 => value.IndexOfAny(SpecialV12),
        HeaderEscapeMode.V11 => value.IndexOfAny(SpecialV11),
        _ => -1,
    };

    /// <summary>Writes the escaped form of <paramref name="value"/>; returns the bytes written.</summary>
    public static int Escape(ReadOnlySpan<byte> value, Span<byte> destination, HeaderEscapeMode mode)
    {
        var written = 0;
        while (true)
        {
            var i = IndexOfSpecial(value, mode);
            if (i < 0)
            {
                value.CopyTo(destination[written..]);
                return written + value.Length;
            }

            value[..i].CopyTo(destination[written..]);
            written += i;
            destination[written++] = StompBytes.ByteBackslash;
            destination[written++] = value[i] switch
            {
                StompBytes.ByteLF => (byte)'n',
                StompBytes.ByteCR => (byte)'r',
                StompBytes.ByteColon => (byte)'c',
                _ => StompBytes.ByteBackslash,
            };
            value = value[(i + 1)..];
        }
    }

    private static bool IsEscapeLetter(byte b, HeaderEscapeMode mode) =>
        b is (byte)'n' or (byte)'c' or StompBytes.ByteBackslash || (b == (byte)'r' && mode == HeaderEscapeMode.V12);

    private static byte Decode(byte letter) => letter switch
    {
        (byte)'n' => StompBytes.ByteLF,
        (byte)'r' => StompBytes.ByteCR,
        (byte)'c' => StompBytes.ByteColon,
        _ => StompBytes.ByteBackslash,
    };
}
