using System.Text.Json;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Error answers in the data-plane spec's shape: JSON <c>ErrorDetail</c> <c>{code, message, target}</c> plus
/// the <c>x-ms-error-code</c> header (webpubsub-protocol.md §3). The spec defines the shape, not the code
/// strings; the codes used here are descriptive and UNCONFIRMED against the live service.
/// </summary>
internal static class ServiceError
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message, string? target = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers["x-ms-error-code"] = code;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        response.ContentType = "application/json";
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            if (target is not null)
            {
                writer.WriteString("target", target);
            }

            writer.WriteEndObject();
        }

        return response.Body.WriteAsync(stream.GetBuffer().AsMemory(0, (int)stream.Length), context.RequestAborted).AsTask();
    }
}
