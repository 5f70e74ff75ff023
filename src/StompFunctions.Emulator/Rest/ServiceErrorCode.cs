namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Why the emulator refuses an HTTP request; <see cref="ServiceError"/> holds the one table of their status codes.
/// The name is the <c>code</c> of the error body and the <c>x-ms-error-code</c> header.
/// </summary>
internal enum ServiceErrorCode
{
    BadRequest,
    InvalidHubName,
    UnsupportedApiVersion,
    WebSocketRequired,
    Unauthorized,
    NotFound,
    HubNotFound,
    MethodNotAllowed,
    PayloadTooLarge,
    InternalServerError,
    UpstreamError,
    UpstreamUnavailable,
}
