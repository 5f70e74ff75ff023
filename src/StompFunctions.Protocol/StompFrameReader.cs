using System.Buffers;
using StompFunctions.Protocol.Framing;
using StompFunctions.Protocol.Headers;
using StompFunctions.Protocol.Parsing;

namespace StompFunctions.Protocol;

/// <summary>
/// Reads STOMP frames from bytes that may hold several frames, heart-beat EOLs between them, and a partial
/// frame at the end. It never consumes part of a frame: on <see cref="OperationStatus.NeedMoreData"/> the
/// unread bytes start at the incomplete frame, to be kept and prefixed to the next payload.
/// </summary>
/// <remarks>
/// Read with the session's negotiated version. Before CONNECTED, read with <see cref="StompVersion.V1_2"/>:
/// it accepts both line ends, and CONNECT/STOMP headers are never unescaped whatever the version.
/// A frame that lies in one memory segment is returned as slices of it (no copy); a frame that spans
/// segments is copied once into an array the frame owns.
/// </remarks>
public readonly struct StompFrameReader
{
    private readonly StompParseOptions? _options;

    /// <summary>Creates a reader for one session version.</summary>
    public StompFrameReader(StompVersion version, StompParseOptions? options = null)
    {
        options?.Validate();
        Version = version;
        _options = options;
    }

    /// <summary>The version whose line ends and escapes apply.</summary>
    public StompVersion Version { get; }

    /// <summary>The limits in force.</summary>
    public StompParseOptions Options => _options ?? StompParseOptions.Default;

    /// <summary>
    /// Reads the next frame. Done: <paramref name="frame"/> is set and the reader is past it.
    /// NeedMoreData: heart-beat EOLs before the incomplete frame are consumed, nothing else.
    /// InvalidData: <paramref name="failure"/> says why; the reader stays at the start of the bad frame.
    /// </summary>
    public OperationStatus TryRead(ref SequenceReader<byte> reader, out StompFrame frame, out StompParseFailure failure)
    {
        // Frames usually start right away; only a byte that may be padding sends us through the skip loop.
        if (!reader.TryPeek(out var first) || first <= StompBytes.ByteCR)
        {
            SkipHeartBeats(ref reader);
        }

        frame = default;
        failure = default;
        if (reader.End)
        {
            return OperationStatus.NeedMoreData;
        }

        var options = Options;
        var span = reader.UnreadSpan;
        var status = FrameParser.Parse(span, options, Version, out var layout, out var error);
        if (status == OperationStatus.Done)
        {
            var position = reader.Position;
            reader.Sequence.TryGet(ref position, out var segment, advance: false);
            frame = Build(segment, layout);
            reader.Advance(layout.FrameLength);
            return status;
        }

        if (status == OperationStatus.NeedMoreData && reader.Remaining > span.Length)
        {
            return ReadAcrossSegments(ref reader, out frame, out failure);
        }

        failure = status == OperationStatus.InvalidData ? StompParseFailure.For(error, options) : default;
        return status;
    }

    /// <summary>
    /// Reads the next frame of a contiguous buffer. <paramref name="consumed"/> counts the bytes to drop from
    /// the front of <paramref name="buffer"/> (heart-beats and, on Done, the frame).
    /// </summary>
    public OperationStatus TryRead(ReadOnlyMemory<byte> buffer, out StompFrame frame, out StompParseFailure failure, out int consumed)
    {
        var span = buffer.Span;
        consumed = HeartBeatLength(span);
        frame = default;
        failure = default;
        var options = Options;
        var status = FrameParser.Parse(span[consumed..], options, Version, out var layout, out var error);
        if (status == OperationStatus.Done)
        {
            frame = Build(buffer[consumed..], layout);
            consumed += layout.FrameLength;
        }
        else if (status == OperationStatus.InvalidData)
        {
            failure = StompParseFailure.For(error, options);
        }

        return status;
    }

    /// <summary>Consumes EOLs (heart-beats) at the reader's position; returns how many.</summary>
    public int SkipHeartBeats(ref SequenceReader<byte> reader)
    {
        var beats = 0;
        var skipNul = Options.SkipNulBetweenFrames;
        while (reader.TryPeek(out var b))
        {
            if (b == StompBytes.ByteLF)
            {
                reader.Advance(1);
                beats++;
            }
            else if (b == StompBytes.ByteNul && skipNul)
            {
                reader.Advance(1);
            }
            else if (b == StompBytes.ByteCR && Version == StompVersion.V1_2
                && reader.TryPeek(1, out var next) && next == StompBytes.ByteLF)
            {
                reader.Advance(2);
                beats++;
            }
            else
            {
                break;
            }
        }

        return beats;
    }

    private int HeartBeatLength(ReadOnlySpan<byte> span)
    {
        var skipNul = Options.SkipNulBetweenFrames;
        var i = 0;
        while ((uint)i < (uint)span.Length)
        {
            var b = span[i];
            if (b == StompBytes.ByteLF || (b == StompBytes.ByteNul && skipNul))
            {
                i++;
            }
            else if (b == StompBytes.ByteCR && Version == StompVersion.V1_2
                && i + 1 < span.Length && span[i + 1] == StompBytes.ByteLF)
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>
    /// The frame crosses a segment boundary: copy a growing prefix into one buffer until the parser can
    /// decide. Growth is geometric, so the total work stays linear in the frame's size, and the prefix never
    /// exceeds the frame limit plus one byte, by which point the parser has decided.
    /// </summary>
    private OperationStatus ReadAcrossSegments(ref SequenceReader<byte> reader, out StompFrame frame, out StompParseFailure failure)
    {
        frame = default;
        failure = default;
        var options = Options;
        var cap = (int)Math.Min(reader.Remaining, (long)options.MaxFrameBytes + 1);
        var size = Math.Min(cap, Math.Max(reader.UnreadSpan.Length * 2, 256));
        while (true)
        {
            var rented = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                var prefix = rented.AsSpan(0, size);
                reader.TryCopyTo(prefix);
                var status = FrameParser.Parse(prefix, options, Version, out var layout, out var error);
                if (status == OperationStatus.Done)
                {
                    var owned = prefix[..layout.FrameLength].ToArray();
                    frame = Build(owned, layout);
                    reader.Advance(layout.FrameLength);
                    return status;
                }

                if (status == OperationStatus.InvalidData)
                {
                    failure = StompParseFailure.For(error, options);
                    return status;
                }

                if (size >= cap)
                {
                    return status;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            size = (int)Math.Min(cap, (long)size * 2);
        }
    }

    private StompFrame Build(ReadOnlyMemory<byte> memory, in FrameLayout layout)
    {
        var headers = new StompHeaders(
            memory.Slice(layout.HeaderStart, layout.HeaderLength),
            layout.HeaderCount,
            HeaderEscaping.ModeFor(Version, layout.Command),
            Version == StompVersion.V1_2);
        return new StompFrame(layout.Command, Version, headers, memory.Slice(layout.BodyStart, layout.BodyLength));
    }
}
