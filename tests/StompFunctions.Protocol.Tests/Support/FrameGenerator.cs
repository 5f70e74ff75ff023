using System.Buffers;
using System.Text;

namespace StompFunctions.Protocol.Tests.Support;

/// <summary>
/// A small seeded generator of random frames. Names and values draw on every escapable character, spaces
/// (never trimmed), non-ASCII text; bodies are random octets including NUL. Headers never hold NUL (no version
/// can escape it; the codec refuses it). Headers a version cannot carry without escaping (1.0, CONNECT,
/// CONNECTED) are generated without line breaks.
/// </summary>
internal sealed class FrameGenerator(int seed)
{
    private static readonly string[] Pieces =
        [":", "\\", "\n", "\r", " ", "a", "b", "z", "0", "9", "-", "/", "é", "日本", "\U0001F600", "\\n", "\\c", "\\\\", "\t"];

    private static readonly StompCommand[] Commands = Enum.GetValues<StompCommand>().Where(c => c != StompCommand.None).ToArray();

    private static readonly StompVersion[] Versions = [StompVersion.V1_0, StompVersion.V1_1, StompVersion.V1_2];

    private readonly Random _random = new(seed);

    public StompVersion NextVersion() => Versions[_random.Next(Versions.Length)];

    /// <summary>A random frame for <paramref name="version"/>, in decoded form, with the content-length the writer will add.</summary>
    public DecodedFrame NextFrame(StompVersion version)
    {
        var command = Commands[_random.Next(Commands.Length)];
        var escaped = version != StompVersion.V1_0 && !command.IsEscapeExempt();
        var headers = new List<KeyValuePair<string, string>>();
        var count = _random.Next(0, 8);
        for (var i = 0; i < count; i++)
        {
            var name = NextText(escaped, allowColon: escaped, version, minLength: 1);
            if (name == "content-length")
            {
                continue;
            }

            headers.Add(new(name, NextText(escaped, allowColon: true, version, minLength: 0)));
        }

        if (_random.Next(4) == 0 && headers.Count > 0)
        {
            // Repeated names are kept in order.
            headers.Add(new(headers[0].Key, NextText(escaped, allowColon: true, version, minLength: 0)));
        }

        var body = command.IsBodyAllowed() ? NextBody() : [];
        if (body.Length > 0)
        {
            headers.Add(new("content-length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new DecodedFrame(command, headers, body);
    }

    /// <summary>One to five frames with random heart-beat EOLs before, between and after.</summary>
    public (byte[] Wire, List<DecodedFrame> Frames) NextBatch(StompVersion version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var frames = new List<DecodedFrame>();
        var count = _random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            WriteEols(buffer, version);
            var frame = NextFrame(version);
            Write(buffer, version, frame);
            frames.Add(frame);
        }

        WriteEols(buffer, version);
        return (buffer.WrittenSpan.ToArray(), frames);
    }

    public static void Write(ArrayBufferWriter<byte> buffer, StompVersion version, DecodedFrame frame)
    {
        var writer = StompFrameWriter.Begin(buffer, version, frame.Command);
        foreach (var (name, value) in frame.Headers)
        {
            if (name != "content-length")
            {
                writer.WriteHeader(name, value);
            }
        }

        writer.End(frame.Body);
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public void NextBytes(Span<byte> bytes) => _random.NextBytes(bytes);

    private void WriteEols(ArrayBufferWriter<byte> buffer, StompVersion version)
    {
        var eols = _random.Next(3) == 0 ? _random.Next(1, 4) : 0;
        for (var i = 0; i < eols; i++)
        {
            buffer.Write(version == StompVersion.V1_2 && _random.Next(2) == 0 ? "\r\n"u8 : "\n"u8);
        }
    }

    private string NextText(bool escaped, bool allowColon, StompVersion version, int minLength)
    {
        var builder = new StringBuilder();
        var pieces = _random.Next(minLength, 7);
        while (builder.Length < pieces || builder.Length < minLength)
        {
            var piece = Pieces[_random.Next(Pieces.Length)];
            var breaksLine = piece.Contains('\n', StringComparison.Ordinal) || (piece.Contains('\r', StringComparison.Ordinal) && version == StompVersion.V1_2);
            if (!escaped && (breaksLine || (!allowColon && piece.Contains(':', StringComparison.Ordinal))))
            {
                continue;
            }

            builder.Append(piece);
        }

        return builder.ToString();
    }

    private byte[] NextBody()
    {
        var length = _random.Next(4) switch
        {
            0 => 0,
            1 => _random.Next(1, 16),
            2 => _random.Next(16, 512),
            _ => _random.Next(512, 5000),
        };
        var body = new byte[length];
        _random.NextBytes(body);
        return body;
    }
}
