using System.Buffers;
using System.Text.Unicode;
using StompFunctions.Protocol.Framing;
using StompFunctions.Protocol.Headers;

namespace StompFunctions.Protocol.Parsing;

/// <summary>
/// Parses one frame from a contiguous span that starts at the frame's first octet.
/// </summary>
/// <remarks>
/// The answer depends only on the bytes seen, and every check fires at a fixed byte position: a prefix
/// of a frame gives NeedMoreData or the same error the whole frame gives. That is what lets callers feed
/// a frame in any split, and what makes limits bite before the bytes beyond them are buffered.
/// </remarks>
internal static class FrameParser
{
    private static readonly SearchValues<byte> LineStopsV12 = SearchValues.Create(StompBytes.ByteLF, StompBytes.ByteCR, StompBytes.ByteBackslash);
    private static readonly SearchValues<byte> LineStopsEscaped = SearchValues.Create(StompBytes.ByteLF, StompBytes.ByteBackslash);

    public static OperationStatus Parse(
        ReadOnlySpan<byte> span, StompParseOptions options, StompVersion version, out FrameLayout layout, out StompParseError error)
    {
        layout = default;
        var crlf = version == StompVersion.V1_2;
        var lf = span.IndexOf(StompBytes.ByteLF);
        if (lf < 0)
        {
            // No command is longer than UNSUBSCRIBE\r: a longer line can already be judged.
            return span.Length > StompBytes.MaxCommandLineBytes ? ParseOutcome.Fail(StompParseError.UnknownCommand, out error) : ParseOutcome.NeedMore(out error);
        }

        var commandLength = lf;
        if (crlf && commandLength > 0 && span[commandLength - 1] == StompBytes.ByteCR)
        {
            commandLength--;
        }

        layout.Command = CommandNames.Parse(span[..commandLength]);
        if (layout.Command == StompCommand.None)
        {
            return ParseOutcome.Fail(StompParseError.UnknownCommand, out error);
        }

        layout.HeaderStart = lf + 1;
        var status = ParseHeaders(span, options, HeaderEscaping.ModeFor(version, layout.Command), crlf, ref layout, out var contentLength, out error);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        return contentLength >= 0
            ? FrameBodyParser.ParseCounted(span, options, contentLength, ref layout, out error)
            : FrameBodyParser.ParseNulTerminated(span, options, ref layout, out error);
    }

    private static OperationStatus ParseHeaders(
        ReadOnlySpan<byte> span, StompParseOptions options, HeaderEscapeMode mode, bool crlf,
        ref FrameLayout layout, out long contentLength, out StompParseError error)
    {
        contentLength = -1;
        var pos = layout.HeaderStart;
        while (true)
        {
            var rest = span[pos..];
            var lf = FindLineEnd(rest, mode, crlf, out var special);
            var line = lf < 0 ? rest : rest[..lf];
            error = LimitError(line, pos, pos + line.Length, options, crlf);
            if (error != StompParseError.None)
            {
                return OperationStatus.InvalidData;
            }

            if (lf < 0)
            {
                return OperationStatus.NeedMoreData;
            }

            if (crlf && line.Length > 0 && line[^1] == StompBytes.ByteCR)
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                layout.HeaderLength = pos - layout.HeaderStart;
                layout.BodyStart = pos + lf + 1;
                return CheckHeaderBlock(span.Slice(layout.HeaderStart, layout.HeaderLength), out error);
            }

            if (++layout.HeaderCount > options.MaxHeaderCount)
            {
                return ParseOutcome.Fail(StompParseError.TooManyHeaders, out error);
            }

            error = CheckHeaderLine(line, special, mode, crlf, options, ref contentLength);
            if (error != StompParseError.None)
            {
                return OperationStatus.InvalidData;
            }

            pos += lf + 1;
        }
    }

    /// <summary>
    /// Finds the LF ending the line, noting whether a CR or backslash comes before it. The common header line
    /// has neither, so one vector scan both ends the line and clears it of octets that need a closer look.
    /// </summary>
    private static int FindLineEnd(ReadOnlySpan<byte> rest, HeaderEscapeMode mode, bool crlf, out int special)
    {
        var stops = crlf ? LineStopsV12 : mode != HeaderEscapeMode.None ? LineStopsEscaped : null;
        if (stops is null)
        {
            special = -1;
            return rest.IndexOf(StompBytes.ByteLF);
        }

        var hit = rest.IndexOfAny(stops);
        if (hit < 0 || rest[hit] == StompBytes.ByteLF)
        {
            special = -1;
            return hit;
        }

        special = hit;
        var lf = rest[hit..].IndexOf(StompBytes.ByteLF);
        return lf < 0 ? -1 : hit + lf;
    }

    private static StompParseError CheckHeaderLine(
        ReadOnlySpan<byte> line, int special, HeaderEscapeMode mode, bool crlf, StompParseOptions options, ref long contentLength)
    {
        var colon = line.IndexOf(StompBytes.ByteColon);
        if (colon <= 0)
        {
            return colon < 0 ? StompParseError.MalformedHeader : StompParseError.EmptyHeaderName;
        }

        // special < line.Length: the CR of a CR LF line end was cut off already and is not special.
        if ((uint)special < (uint)line.Length)
        {
            if (crlf && line[special..].Contains(StompBytes.ByteCR))
            {
                return StompParseError.BareCarriageReturn;
            }

            if (mode != HeaderEscapeMode.None && !HeaderEscaping.IsValid(line[special..], mode))
            {
                return StompParseError.InvalidEscape;
            }
        }

        // First occurrence wins ([Repeated Header Entries]); later content-length lines are history.
        if (contentLength < 0 && colon == 14 && line.StartsWith("content-length"u8))
        {
            return ParseContentLength(line[15..], options, out contentLength);
        }

        return StompParseError.None;
    }

    private static StompParseError ParseContentLength(ReadOnlySpan<byte> value, StompParseOptions options, out long contentLength)
    {
        contentLength = -1;
        if (value.IsEmpty || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            // Values are never trimmed, so " 5" is as wrong as "-1"; we never fall back to NUL termination.
            return StompParseError.InvalidContentLength;
        }

        long parsed = 0;
        foreach (var digit in value)
        {
            parsed = (parsed * 10) + (digit - '0');
            if (parsed > options.MaxBodyBytes)
            {
                return StompParseError.BodyTooLarge;
            }
        }

        contentLength = parsed;
        return StompParseError.None;
    }

    /// <summary>
    /// Limit check over the octets of one header line seen so far (EOL excluded). When both limits are
    /// broken, the one whose boundary comes first in the stream wins, so every prefix agrees.
    /// </summary>
    private static StompParseError LimitError(ReadOnlySpan<byte> lineSoFar, int lineStart, long available, StompParseOptions options, bool crlf)
    {
        var max = options.MaxHeaderLineBytes;
        var lineAt = long.MaxValue;
        if (lineSoFar.Length > max)
        {
            // In 1.2 a CR right at the limit may still be the EOL's CR; only the byte after it decides.
            var crAtLimit = crlf && lineSoFar[max] == StompBytes.ByteCR;
            if (!crAtLimit || lineSoFar.Length > max + 1)
            {
                lineAt = (long)lineStart + max + (crAtLimit ? 2 : 1);
            }
        }

        var frameAt = available > options.MaxFrameBytes ? (long)options.MaxFrameBytes + 1 : long.MaxValue;
        if (lineAt == long.MaxValue && frameAt == long.MaxValue)
        {
            return StompParseError.None;
        }

        return lineAt <= frameAt ? StompParseError.HeaderLineTooLong : StompParseError.FrameTooLarge;
    }

    /// <summary>The whole header block at once: no NUL (nothing could escape it on the way out), and valid UTF-8.</summary>
    private static OperationStatus CheckHeaderBlock(ReadOnlySpan<byte> headerBlock, out StompParseError error)
    {
        if (headerBlock.Contains(StompBytes.ByteNul))
        {
            return ParseOutcome.Fail(StompParseError.NulInHeader, out error);
        }

        if (!Utf8.IsValid(headerBlock))
        {
            return ParseOutcome.Fail(StompParseError.InvalidUtf8, out error);
        }

        error = StompParseError.None;
        return OperationStatus.Done;
    }
}
