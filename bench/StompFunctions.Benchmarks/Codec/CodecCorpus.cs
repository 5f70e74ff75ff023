using System.Buffers;
using StompFunctions.Protocol;

namespace StompFunctions.Benchmarks.Codec;

/// <summary>The frames every codec benchmark and the stompjs comparison use, built once with our writer.</summary>
public static class CodecCorpus
{
    /// <summary>A 200-byte SEND as stompjs writes it (destination, content-type, content-length, receipt).</summary>
    public static byte[] Send200 { get; } = Sized(200, StompCommand.Send,
        [("destination", "/app/chat/room-42"), ("content-type", "application/json"), ("receipt", "r-1024")], fill: (byte)'x');

    /// <summary>A 4 KiB MESSAGE with the headers a broker adds.</summary>
    public static byte[] Message4K { get; } = Sized(4096, StompCommand.Message,
        [("destination", "/topic/prices"), ("message-id", "m-00000000001"), ("subscription", "sub-0"), ("ack", "sub-0@1"),
         ("content-type", "application/json"), ("x-trace", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")], fill: (byte)'y');

    /// <summary>A SEND with a 512 KiB random binary body (NULs included).</summary>
    public static byte[] Binary512K { get; } = Binary(512 * 1024);

    /// <summary>Ten frames in one payload: SENDs, a SUBSCRIBE, an ACK, heart-beat EOLs.</summary>
    public static byte[] Batch10 { get; } = BuildBatch();

    /// <summary>Frames in <see cref="Batch10"/>.</summary>
    public const int Batch10Frames = 10;

    /// <summary>
    /// Writes a frame whose total size is exactly <paramref name="size"/> bytes by sizing the body; when the
    /// content-length digit count makes that impossible (99 → 100), the last header value takes one more byte.
    /// </summary>
    private static byte[] Sized(int size, StompCommand command, (string Name, string Value)[] headers, byte fill)
    {
        var bodyLength = size;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var bytes = Write(command, headers, Enumerable.Repeat(fill, bodyLength).ToArray());
            if (bytes.Length == size)
            {
                return bytes;
            }

            if (attempt == 4)
            {
                headers[^1].Value += "0";
            }

            bodyLength += size - bytes.Length;
        }

        throw new InvalidOperationException($"could not size a {command} frame to {size} bytes");
    }

    private static byte[] Binary(int bodyLength)
    {
        var body = new byte[bodyLength];
        new Random(7).NextBytes(body);
        return Write(StompCommand.Send, [("destination", "/queue/blobs"), ("content-type", "application/octet-stream")], body);
    }

    private static byte[] BuildBatch()
    {
        var buffer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < 8; i++)
        {
            buffer.Write(Send200);
            if (i % 3 == 0)
            {
                buffer.Write("\n"u8);
            }
        }

        buffer.Write(Write(StompCommand.Subscribe, [("id", "sub-1"), ("destination", "/topic/prices"), ("ack", "client-individual")], []));
        buffer.Write(Write(StompCommand.Ack, [("id", "sub-0@1"), ("subscription", "sub-0")], []));
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Write(StompCommand command, (string Name, string Value)[] headers, byte[] body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = StompFrameWriter.Begin(buffer, StompVersion.V1_2, command);
        foreach (var (name, value) in headers)
        {
            writer.WriteHeader(name, value);
        }

        writer.End(body);
        return buffer.WrittenSpan.ToArray();
    }
}
