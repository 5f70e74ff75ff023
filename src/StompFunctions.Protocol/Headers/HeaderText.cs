using System.Buffers;
using System.Text;

namespace StompFunctions.Protocol.Headers;

/// <summary>Turns raw header bytes into strings and strings into UTF-8 bytes, with stack or pooled scratch space.</summary>
internal static class HeaderText
{
    /// <summary>Scratch buffers up to this size live on the stack; larger ones are rented.</summary>
    public const int StackLimit = 256;

    public static string Decode(ReadOnlySpan<byte> raw, HeaderEscapeMode mode)
    {
        if (mode == HeaderEscapeMode.None || raw.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        byte[]? rented = null;
        var scratch = raw.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            var length = HeaderEscaping.Unescape(raw, scratch, mode);
            return Encoding.UTF8.GetString(scratch[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Compares raw (possibly escaped) bytes with a string, allocating nothing for names up to 85 characters.</summary>
    public static bool EqualsString(ReadOnlySpan<byte> raw, HeaderEscapeMode mode, string text)
    {
        if (Ascii.IsValid(text) && (mode == HeaderEscapeMode.None || raw.IndexOf((byte)'\\') < 0))
        {
            return Ascii.Equals(raw, text);
        }

        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var scratch = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, scratch);
            return HeaderEscaping.EqualsDecoded(raw, scratch[..length], mode);
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
