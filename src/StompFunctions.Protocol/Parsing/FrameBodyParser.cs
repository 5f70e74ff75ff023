using System.Buffers;
using StompFunctions.Protocol.Framing;

namespace StompFunctions.Protocol.Parsing;

/// <summary>
/// The body of a frame whose headers <see cref="FrameParser"/> has read: counted by <c>content-length</c>, or
/// ended by the first NUL. Like the headers, every limit fires at a fixed byte position, so a prefix of the
/// frame gives NeedMoreData or the same error the whole frame gives.
/// </summary>
internal static class FrameBodyParser
{
    public static OperationStatus ParseCounted(
        ReadOnlySpan<byte> span, StompParseOptions options, long contentLength, ref FrameLayout layout, out StompParseError error)
    {
        if (contentLength > 0 && !layout.Command.IsBodyAllowed())
        {
            return ParseOutcome.Fail(StompParseError.BodyNotAllowed, out error);
        }

        var frameLength = layout.BodyStart + contentLength + 1;
        if (frameLength > options.MaxFrameBytes)
        {
            return ParseOutcome.Fail(StompParseError.FrameTooLarge, out error);
        }

        if (span.Length < frameLength)
        {
            return ParseOutcome.NeedMore(out error);
        }

        if (span[(int)frameLength - 1] != StompBytes.ByteNul)
        {
            return ParseOutcome.Fail(StompParseError.MissingNulAfterBody, out error);
        }

        layout.BodyLength = (int)contentLength;
        error = StompParseError.None;
        return OperationStatus.Done;
    }

    public static OperationStatus ParseNulTerminated(
        ReadOnlySpan<byte> span, StompParseOptions options, ref FrameLayout layout, out StompParseError error)
    {
        // Never look past the first byte that breaks a limit: the scan stays bounded however much is buffered.
        var bodyStart = layout.BodyStart;
        var scanEnd = (int)Math.Min(span.Length, Math.Min((long)bodyStart + options.MaxBodyBytes + 1, (long)options.MaxFrameBytes + 1));
        var window = scanEnd > bodyStart ? span[bodyStart..scanEnd] : [];
        var nul = window.IndexOf(StompBytes.ByteNul);
        var bodyBytes = nul < 0 ? window.Length : nul;
        if (bodyBytes > 0 && !layout.Command.IsBodyAllowed())
        {
            return ParseOutcome.Fail(StompParseError.BodyNotAllowed, out error);
        }

        var considered = nul < 0 ? (long)bodyStart + window.Length : (long)bodyStart + nul + 1;
        var bodyTooLarge = bodyBytes > options.MaxBodyBytes;
        var frameTooLarge = considered > options.MaxFrameBytes;
        if (bodyTooLarge || frameTooLarge)
        {
            // Report the limit whose boundary comes first in the stream, as a shorter prefix would have.
            var bodyAt = (long)bodyStart + options.MaxBodyBytes + 1;
            var useBody = bodyTooLarge && (!frameTooLarge || bodyAt <= (long)options.MaxFrameBytes + 1);
            return ParseOutcome.Fail(useBody ? StompParseError.BodyTooLarge : StompParseError.FrameTooLarge, out error);
        }

        if (nul < 0)
        {
            return ParseOutcome.NeedMore(out error);
        }

        layout.BodyLength = nul;
        error = StompParseError.None;
        return OperationStatus.Done;
    }
}
