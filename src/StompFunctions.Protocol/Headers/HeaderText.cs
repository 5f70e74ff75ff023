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

        using var scratch = new ScratchBytes(stackalloc byte[StackLimit], raw.Length);
        var length = HeaderEscaping.Unescape(raw, scratch.Span, mode);
        return Encoding.UTF8.GetString(scratch.Span[..length]);
    }

    /// <summary>Compares raw (possibly escaped) bytes with a string, allocating nothing for names up to 85 characters.</summary>
    public static bool EqualsString(ReadOnlySpan<byte> raw, HeaderEscapeMode mode, string text)
    {
        if (Ascii.IsValid(text) && (mode == HeaderEscapeMode.None || raw.IndexOf((byte)'\\') < 0))
        {
            return Ascii.Equals(raw, text);
        }

        using var scratch = new ScratchBytes(stackalloc byte[StackLimit], Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, scratch.Span);
        return HeaderEscaping.EqualsDecoded(raw, scratch.Span[..length], mode);
    }
}
