using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Reads the message body of a data-plane send: an allowed content type (<c>application/json</c>, <c>text/plain</c>,
/// <c>application/octet-stream</c>; parameters such as charset are tolerated) up to the size limit.
/// </summary>
internal static class MessagePayload
{
    /// <summary>The body and whether it is binary, or null after writing the 400 or 413 answer itself.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<(byte[] Body, bool Binary)?> TryReadAsync(RestCall call, int max)
    {
        var request = call.Request;
        if (IsBinary(request.ContentType) is not { } binary)
        {
            await call.FailAsync(EmulatorError.ContentTypeUnsupported);
            return null;
        }

        if (request.ContentLength > max)
        {
            await call.FailAsync(EmulatorError.PayloadTooLarge, max);
            return null;
        }

        var body = await call.ReadBodyAsync(max);
        if (body is null)
        {
            await call.FailAsync(EmulatorError.PayloadTooLarge, max);
            return null;
        }

        return (body, binary);
    }

    /// <summary>True for octet-stream, false for text or JSON, null for anything else or a malformed value.</summary>
    private static bool? IsBinary(string? contentType)
    {
        // The SDKs send the bare media type: recognized without parsing (the parser would accept it as it is).
        var bare = contentType.AsSpan();
        if (bare.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (bare.Equals("text/plain", StringComparison.OrdinalIgnoreCase) || bare.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return (MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null) switch
        {
            "application/octet-stream" => true,
            "text/plain" or "application/json" => false,
            _ => null,
        };
    }
}
