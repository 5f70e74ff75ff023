using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub.Upstream;

/// <summary>Reads a request body up to a limit, so an oversized or lying request cannot exhaust memory.</summary>
internal static class UpstreamBody
{
    /// <summary>The bytes, or null when the body exceeds <paramref name="maxBytes"/> or is shorter than its Content-Length.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > maxBytes)
            {
                return null;
            }

            // The service always sends Content-Length: one exact allocation, no copying.
            var exact = new byte[declared];
            try
            {
                await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException)
            {
                return null;
            }

            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
