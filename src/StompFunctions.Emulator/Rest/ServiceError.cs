using System.Text.Json;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Error answers in the data-plane spec's shape: JSON <c>ErrorDetail</c> <c>{code, message, target}</c> plus
/// the <c>x-ms-error-code</c> header (webpubsub-protocol.md §3). The spec defines the shape, not the code
/// strings; the codes used here are descriptive and UNCONFIRMED against the live service.
/// </summary>
internal static class ServiceError
{
    /// <summary>Writes <paramref name="error"/> with its status, its message formatted with <paramref name="args"/>.</summary>
    public static Task WriteAsync(HttpContext context, EmulatorError error, params ReadOnlySpan<object?> args)
    {
        var entry = EmulatorErrorTable.Describe(error);
        return WriteAsync(context, StatusOf(entry.Code), entry.Code, EmulatorErrorTable.Format(error, args), entry.Target);
    }

    /// <summary>Writes <see cref="EmulatorError.RequestRejected"/> with the status and reason Kestrel gave a request it rejected.</summary>
    public static Task RequestRejectedAsync(HttpContext context, int status, string reason) =>
        WriteAsync(context, status, ServiceErrorCode.BadRequest, EmulatorErrorTable.Format(EmulatorError.RequestRejected, [reason]), null);

    private static Task WriteAsync(HttpContext context, int status, ServiceErrorCode code, string message, string? target)
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
