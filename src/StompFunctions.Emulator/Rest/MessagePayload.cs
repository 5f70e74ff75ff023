using System.Net.Http.Headers;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Reads the message body of a data-plane send: an allowed content type (<c>application/json</c>, <c>text/plain</c>,
/// <c>application/octet-stream</c>; parameters such as charset are tolerated) up to the size limit.
/// </summary>
internal static class MessagePayload
{
    /// <summary>The body and whether it is binary, or null after writing the 400 or 413 answer itself.</summary>
    public static async Task<(byte[] Body, bool Binary)?> TryReadAsync(RestCall call, int max)
    {
        var request = call.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;
        bool binary;
        switch (mediaType)
        {
            case "application/octet-stream":
                binary = true;
                break;
            case "text/plain":
            case "application/json":
                binary = false;
                break;
            default:
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
}
