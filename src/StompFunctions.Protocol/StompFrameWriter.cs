using System.Buffers;
using System.Text;
using StompFunctions.Protocol.Framing;
using StompFunctions.Protocol.Headers;
using StompFunctions.Protocol.Writing;

namespace StompFunctions.Protocol;

/// <summary>
/// Writes one frame straight into an <see cref="IBufferWriter{T}"/>: command, headers, then the body with
/// <c>content-length</c>. Lines end with LF (valid in every version). Names and values are given decoded
/// and escaped here per version and command: 1.2 <c>\r \n \c \\</c>, 1.1 without <c>\r</c>, none in 1.0 or
/// on CONNECT/STOMP/CONNECTED ([Value Encoding]). Nothing is allocated.
/// </summary>
/// <example>
/// <code>
/// var writer = StompFrameWriter.Begin(buffer, StompVersion.V1_2, StompCommand.Message);
/// writer.WriteHeader("subscription"u8, "sub-0"u8);
/// writer.CopyHeaders(send.Headers);
/// writer.End(send.Body.Span);
/// </code>
/// </example>
public ref struct StompFrameWriter
{
    private readonly IBufferWriter<byte> _output;
    private readonly StompCommand _command;
    private readonly HeaderEscapeMode _mode;
    private readonly bool _crIsEol;
    private bool _ended;

    private StompFrameWriter(IBufferWriter<byte> output, StompVersion version, StompCommand command)
    {
        _output = output;
        _command = command;
        _mode = HeaderEscaping.ModeFor(version, command);
        _crIsEol = version == StompVersion.V1_2;
        _ended = false;
    }

    /// <summary>Writes the command line and returns the writer for the headers.</summary>
    public static StompFrameWriter Begin(IBufferWriter<byte> output, StompVersion version, StompCommand command)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfEqual(command, StompCommand.None);
        var name = CommandNames.Get(command);
        var span = output.GetSpan(name.Length + 1);
        name.CopyTo(span);
        span[name.Length] = StompBytes.ByteLF;
        output.Advance(name.Length + 1);
        return new StompFrameWriter(output, version, command);
    }

    /// <summary>Writes a whole frame: the parsed frame's headers (content-length recomputed) and body.</summary>
    public static void Write(IBufferWriter<byte> output, StompVersion version, in StompFrame frame)
    {
        var writer = Begin(output, version, frame.Command);
        writer.CopyHeaders(frame.Headers);
        writer.End(frame.Body.Span);
    }

    /// <summary>Writes a heart-beat: one LF, valid in every version.</summary>
    public static void WriteHeartBeat(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.GetSpan(1)[0] = StompBytes.ByteLF;
        output.Advance(1);
    }

    /// <summary>Writes a header from decoded UTF-8 name and value. Throws if it cannot be represented.</summary>
    public void WriteHeader(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value)
    {
        if (!TryWriteHeader(name, value))
        {
            ThrowHelper.HeaderNotRepresentable();
        }
    }

    /// <summary>
    /// Writes a header, or returns false (writing nothing) when it cannot be represented: an empty name, a NUL
    /// (no version can escape it), or a line break where no escaping applies (for example a value with LF relayed to a 1.0 subscriber).
    /// </summary>
    public bool TryWriteHeader(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value)
    {
        if (_ended)
        {
            ThrowHelper.FrameEnded();
        }

        if (name.SequenceEqual("content-length"u8))
        {
            ThrowHelper.ContentLengthIsWritten();
        }

        if (!HeaderEncoding.CanWrite(name, value, _mode, _crIsEol))
        {
            return false;
        }

        // Escaping at most doubles a byte; asking for that bound spares a counting pass over the header.
        var bound = _mode == HeaderEscapeMode.None ? name.Length + value.Length + 2 : (2 * (name.Length + value.Length)) + 2;
        var span = _output.GetSpan(bound);
        var written = HeaderEscaping.Escape(name, span, _mode);
        span[written++] = StompBytes.ByteColon;
        written += HeaderEscaping.Escape(value, span[written..], _mode);
        span[written++] = StompBytes.ByteLF;
        _output.Advance(written);
        return true;
    }

    /// <summary>Writes a header from a UTF-8 name and a string value.</summary>
    public void WriteHeader(scoped ReadOnlySpan<byte> name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var scratch = new ScratchBytes(stackalloc byte[HeaderText.StackLimit], Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, scratch.Span);
        WriteHeader(name, scratch.Span[..length]);
    }

    /// <summary>Writes a header from string name and value.</summary>
    public void WriteHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var scratch = new ScratchBytes(stackalloc byte[HeaderText.StackLimit], Encoding.UTF8.GetMaxByteCount(name.Length));
        var length = Encoding.UTF8.GetBytes(name, scratch.Span);
        WriteHeader(scratch.Span[..length], value);
    }

    /// <summary>Writes a header with a decimal integer value.</summary>
    public void WriteHeader(scoped ReadOnlySpan<byte> name, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var length, provider: System.Globalization.CultureInfo.InvariantCulture);
        WriteHeader(name, digits[..length]);
    }

    /// <summary>Writes a header taken from a parsed frame, re-escaped for this frame's version and command.</summary>
    public void WriteHeader(in StompHeader header)
    {
        if (!TryWriteHeader(header))
        {
            ThrowHelper.HeaderNotRepresentable();
        }
    }

    /// <summary>Like <see cref="WriteHeader(in StompHeader)"/>, returning false when it cannot be represented.</summary>
    public bool TryWriteHeader(in StompHeader header)
    {
        var rawName = header.RawName.Span;
        var rawValue = header.RawValue.Span;
        if (header.Mode == _mode && _mode != HeaderEscapeMode.None && !_ended && !rawName.SequenceEqual("content-length"u8))
        {
            // Same escape table on both sides: the wire bytes are already right.
            var length = rawName.Length + rawValue.Length + 2;
            var span = _output.GetSpan(length);
            rawName.CopyTo(span);
            span[rawName.Length] = StompBytes.ByteColon;
            rawValue.CopyTo(span[(rawName.Length + 1)..]);
            span[length - 1] = StompBytes.ByteLF;
            _output.Advance(length);
            return true;
        }

        return TryWriteDecoded(header);
    }

    /// <summary>
    /// Copies every header of a parsed frame except <c>content-length</c>, which <see cref="End(ReadOnlySpan{byte})"/>
    /// writes from the actual body. Headers that cannot be represented here are skipped; returns how many were.
    /// </summary>
    public int CopyHeaders(in StompHeaders headers)
    {
        var skipped = 0;
        foreach (var header in headers)
        {
            if (header.NameEquals("content-length"u8))
            {
                continue;
            }

            if (!TryWriteHeader(header))
            {
                skipped++;
            }
        }

        return skipped;
    }

    /// <summary>Ends a frame without a body.</summary>
    public void End() => End([]);

    /// <summary>Ends the frame: <c>content-length</c> when the body is not empty, the blank line, the body and NUL.</summary>
    public void End(ReadOnlySpan<byte> body)
    {
        WriteContentLengthAndBlankLine(body.Length);
        var span = _output.GetSpan(body.Length + 1);
        body.CopyTo(span);
        span[body.Length] = StompBytes.ByteNul;
        _output.Advance(body.Length + 1);
    }

    /// <summary>Ends the frame with a body that may span several segments.</summary>
    public void End(in ReadOnlySequence<byte> body)
    {
        WriteContentLengthAndBlankLine(checked((int)body.Length));
        foreach (var segment in body)
        {
            _output.Write(segment.Span);
        }

        _output.GetSpan(1)[0] = StompBytes.ByteNul;
        _output.Advance(1);
    }

    private void WriteContentLengthAndBlankLine(int bodyLength)
    {
        if (_ended)
        {
            ThrowHelper.FrameEnded();
        }

        _ended = true;
        if (bodyLength == 0)
        {
            _output.GetSpan(1)[0] = StompBytes.ByteLF;
            _output.Advance(1);
            return;
        }

        if (!_command.IsBodyAllowed())
        {
            ThrowHelper.BodyNotAllowed(_command);
        }

        // Always sent with a body: SHOULD for SEND/MESSAGE/ERROR, MUST when the body holds a NUL ([content-length]).
        var span = _output.GetSpan(16 + 11 + 1);
        "content-length:"u8.CopyTo(span);
        bodyLength.TryFormat(span[15..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        span[15 + digits] = StompBytes.ByteLF;
        span[16 + digits] = StompBytes.ByteLF;
        _output.Advance(17 + digits);
    }

    private bool TryWriteDecoded(in StompHeader header)
    {
        var rawName = header.RawName.Span;
        var rawValue = header.RawValue.Span;
        using var scratch = new ScratchBytes(stackalloc byte[HeaderText.StackLimit], rawName.Length + rawValue.Length);
        var nameLength = header.DecodeName(scratch.Span);
        var valueLength = header.DecodeValue(scratch.Span[nameLength..]);
        return TryWriteHeader(scratch.Span[..nameLength], scratch.Span.Slice(nameLength, valueLength));
    }
}
