using System.Text;

namespace StompFunctions.Emulator.Connections;

/// <summary>Fits a close reason into a WebSocket close frame.</summary>
internal static class CloseFrameReason
{
    private const int MaxBytes = 123; // RFC 6455 §5.5: control frame payload ≤ 125, minus the status code

    /// <summary>The longest prefix of <paramref name="reason"/> that fits in <see cref="MaxBytes"/> UTF-8 bytes.</summary>
    public static string? Truncate(string? reason)
    {
        if (reason is null || Encoding.UTF8.GetByteCount(reason) <= MaxBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (length > 0 && Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxBytes)
        {
            length--;
        }

        // Never cut a surrogate pair in half.
        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return reason[..length];
    }
}
