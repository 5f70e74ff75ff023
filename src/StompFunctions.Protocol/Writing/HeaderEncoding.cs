using StompFunctions.Protocol.Framing;
using StompFunctions.Protocol.Headers;

namespace StompFunctions.Protocol.Writing;

/// <summary>Decides whether a decoded name/value can be written under an escape mode.</summary>
internal static class HeaderEncoding
{
    public static bool CanWrite(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, HeaderEscapeMode mode, bool crIsEol)
    {
        // NUL has no escape in any version, and the parser refuses it in headers: it is never written either.
        if (name.IsEmpty || name.Contains(StompBytes.ByteNul) || value.Contains(StompBytes.ByteNul))
        {
            return false;
        }

        if (mode != HeaderEscapeMode.None)
        {
            // Every special octet has an escape, except CR in 1.1, where a raw CR is an ordinary octet.
            return true;
        }

        // No escaping (1.0, CONNECT, CONNECTED): the bytes must not look like line ends or a name end.
        if (name.IndexOfAny(StompBytes.ByteLF, StompBytes.ByteColon) >= 0 || value.Contains(StompBytes.ByteLF))
        {
            return false;
        }

        return !crIsEol || (!name.Contains(StompBytes.ByteCR) && !value.Contains(StompBytes.ByteCR));
    }
}
