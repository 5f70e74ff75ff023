using System.Text.Json;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Error answers in the data-plane spec's shape: JSON <c>ErrorDetail</c> <c>{code, message, target}</c> plus
/// the <c>x-ms-error-code</c> header (webpubsub-protocol.md §3). The spec defines the shape, not the code
/// strings; the codes used here are descriptive and UNCONFIRMED against the live service.
/// </summary>
internal static class ServiceError
{
    public static Task WriteAsync(HttpContext context, ServiceErrorCode code, string message, string? target = null) =>
        WriteAsync(context, StatusOf(code), code, message, target);

    public static Task HubNotFoundAsync(HttpContext context, string hub) =>
        WriteAsync(context, ServiceErrorCode.HubNotFound, $"The hub '{hub}' is not configured in this emulator.", "hub");

    /// <summary>Writes <paramref name="code"/> with a status other than its own, as for a request Kestrel itself rejected.</summary>
    public static Task WriteAsync(HttpContext context, int status, ServiceErrorCode code, string message, string? target = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers["x-ms-error-code"] = code.ToString();
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        response.ContentType = "application/json";
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("code", code.ToString());
            writer.WriteString("message", message);
            if (target is not null)
            {
                writer.WriteString("target", target);
            }

            writer.WriteEndObject();
        }

        return response.Body.WriteAsync(stream.GetBuffer().AsMemory(0, (int)stream.Length), context.RequestAborted).AsTask();
    }

    private static int StatusOf(ServiceErrorCode code) => code switch
    {
        ServiceErrorCode.BadRequest or ServiceErrorCode.InvalidHubName or ServiceErrorCode.UnsupportedApiVersion
            or ServiceErrorCode.WebSocketRequired => StatusCodes.Status400BadRequest,
        ServiceErrorCode.Unauthorized => StatusCodes.Status401Unauthorized,
        ServiceErrorCode.NotFound or ServiceErrorCode.HubNotFound => StatusCodes.Status404NotFound,
        ServiceErrorCode.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ServiceErrorCode.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ServiceErrorCode.InternalServerError or ServiceErrorCode.UpstreamError
            or ServiceErrorCode.UpstreamUnavailable => StatusCodes.Status500InternalServerError,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
