using System.Buffers;
using System.Runtime.CompilerServices;

namespace StompFunctions.Emulator;

/// <summary>
/// Reads an HTTP body (a REST request's, an upstream answer's) up to a limit, allocating only what the body needs:
/// one exact array when its length is declared, otherwise pooled chunks copied into a growing buffer. Read on every REST
/// send and upstream answer, so the asynchronous state is pooled (callers await the result once, as a ValueTask requires).
/// </summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The bytes, or null when the body is longer than <paramref name="max"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<byte[]?> ReadAsync(Stream stream, long? declaredLength, int max, CancellationToken cancellationToken)
    {
        if (declaredLength is { } declared)
        {
            if (declared > max)
            {
                return null;
            }

            // HTTP framing ends the body at its Content-Length; a shorter one fails in the stream, as before.
            var exact = new byte[declared];
            await stream.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            using var buffer = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
