using System.Buffers;
using System.Text;

namespace StompFunctions.Emulator.Upstream;

/// <summary>Percent-encodes a CloudEvents attribute for a header value (CloudEvents HTTP binding 1.0.2 §3.1.3.2).</summary>
internal static class CloudEventValueEncoder
{
    private static readonly SearchValues<char> Verbatim = SearchValues.Create(
        "!#$&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>The value itself when it needs no escape (every ASCII name), else its escaped UTF-8 octets.</summary>
    public static string PercentEncode(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(Verbatim))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 3);
        Span<byte> octets = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (Verbatim.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            // A lone surrogate has no UTF-8 form; it becomes U+FFFD like any other UTF-8 encoder writes it.
            var width = char.IsSurrogatePair(value, i) ? 2 : 1;
            var count = Encoding.UTF8.GetBytes(value.AsSpan(i, width), octets);
            i += width - 1;
            foreach (var octet in octets[..count])
            {
                builder.Append('%').Append(octet.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the value holds a C0/C1 control character or DEL, which no header can carry verbatim.</summary>
    public static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
