using System.Globalization;

namespace StompFunctions.Emulator.Rest;

/// <summary>The one table of the emulator's refusals: wire code, message (a composite format) and target.</summary>
internal static class EmulatorErrorTable
{
    public readonly record struct Entry(ServiceErrorCode Code, string Message, string? Target = null);

    public static string Format(EmulatorError error, ReadOnlySpan<object?> args) =>
        string.Format(CultureInfo.InvariantCulture, Describe(error).Message, args);

    public static Entry Describe(EmulatorError error) => error switch
    {
        EmulatorError.HubNameMissingOrInvalid => new(ServiceErrorCode.InvalidHubName, "The hub name is missing or invalid.", "hub"),
        EmulatorError.HubNotFound => new(ServiceErrorCode.HubNotFound, "The hub '{0}' is not configured in this emulator.", "hub"),
        EmulatorError.WebSocketRequired => new(ServiceErrorCode.WebSocketRequired, "This endpoint accepts WebSocket connections only."),
        EmulatorError.AnonymousNotAllowed => new(ServiceErrorCode.Unauthorized, "An access token is required: this hub does not allow anonymous connections."),
        EmulatorError.ClientTokenNotHs256 => new(ServiceErrorCode.Unauthorized, "The access token must be signed with HS256."),
        EmulatorError.ClientTokenBadSignature => new(ServiceErrorCode.Unauthorized, "The access token signature is invalid."),
        EmulatorError.ClientTokenMalformed => new(ServiceErrorCode.Unauthorized, "The access token is malformed."),
        EmulatorError.ClientTokenLifetime => new(ServiceErrorCode.Unauthorized, "The access token is expired, not yet valid or has no exp claim."),
        EmulatorError.ClientTokenAudience => new(ServiceErrorCode.Unauthorized, "The access token audience does not match this hub's client endpoint."),
        EmulatorError.ConnectHandlerUnreachable => new(ServiceErrorCode.UpstreamUnavailable, "The connect event handler could not be reached."),
        EmulatorError.ConnectHandlerFailed => new(ServiceErrorCode.UpstreamError, "The connect event handler failed or answered malformed JSON."),
        EmulatorError.ConnectHandlerSubprotocolNotOffered => new(ServiceErrorCode.UpstreamError, "The connect event handler chose a subprotocol the client did not offer."),
        EmulatorError.RestTokenMissing => new(ServiceErrorCode.Unauthorized, "An Authorization header with a Bearer access-key token is required."),
        EmulatorError.RestTokenBadSignature => new(ServiceErrorCode.Unauthorized, "The token signature is invalid."),
        EmulatorError.RestTokenMalformed => new(ServiceErrorCode.Unauthorized, "The token is malformed or not HS256."),
        EmulatorError.RestTokenLifetime => new(ServiceErrorCode.Unauthorized, "The token is expired, not yet valid or has no exp claim."),
        EmulatorError.RestTokenAudience => new(ServiceErrorCode.Unauthorized, "The token audience does not match the request URL."),
        EmulatorError.HubNameInvalid => new(ServiceErrorCode.BadRequest, "The hub name is invalid.", "hub"),
        EmulatorError.ApiVersionInvalid => new(ServiceErrorCode.UnsupportedApiVersion, "The api-version query parameter is required and must be one of: {0}.", "api-version"),
        EmulatorError.MethodNotAllowed => new(ServiceErrorCode.MethodNotAllowed, "{0} is not allowed on this path."),
        EmulatorError.NoSuchOperation => new(ServiceErrorCode.NotFound, "No data-plane operation has this path."),
        EmulatorError.RequestRejected => new(ServiceErrorCode.BadRequest, "{0}"),
        EmulatorError.InternalError => new(ServiceErrorCode.InternalServerError, "The emulator failed to process the request."),
        EmulatorError.ConnectionNotFound => new(ServiceErrorCode.NotFound, "The connection '{0}' does not exist.", "connectionId"),
        EmulatorError.UserHasNoConnection => new(ServiceErrorCode.NotFound, "The user '{0}' has no connection.", "userId"),
        EmulatorError.GroupNameInvalid => new(ServiceErrorCode.BadRequest, "A group name must have 1 to 1024 characters and not be only whitespace.", "group"),
        EmulatorError.PayloadTooLarge => new(ServiceErrorCode.PayloadTooLarge, "The message exceeds the limit of {0} bytes."),
        EmulatorError.ContentTypeUnsupported => new(ServiceErrorCode.BadRequest, "Content-Type must be application/json, text/plain or application/octet-stream.", "Content-Type"),
        EmulatorError.MessageTtlInvalid => new(ServiceErrorCode.BadRequest, "messageTtlSeconds must be an integer from 0 to {0}.", "messageTtlSeconds"),
        EmulatorError.FilterInvalid => new(ServiceErrorCode.BadRequest, "{0}", "filter"),
        EmulatorError.PermissionInvalid => new(ServiceErrorCode.BadRequest, "The permission must be sendToGroup or joinLeaveGroup, and targetName a valid group name.", "permission"),
        EmulatorError.PageSizeInvalid => new(ServiceErrorCode.BadRequest, "maxpagesize must be an integer from 1 to {0} and top a positive integer."),
        EmulatorError.GroupConnectionsNeedNewerApiVersion => new(ServiceErrorCode.UnsupportedApiVersion, "Listing group connections needs api-version {0} or later.", "api-version"),
        EmulatorError.GroupsByFilterBodyInvalid => new(ServiceErrorCode.BadRequest, "The body must be a JSON object {{\"groups\": [string, ...], \"filter\": string}}.", "body"),
        EmulatorError.GroupsByFilterGroupsInvalid => new(ServiceErrorCode.BadRequest, "groups must list 1 or more names of 1 to 1024 characters, not only whitespace.", "groups"),
        EmulatorError.MinutesToExpireInvalid => new(ServiceErrorCode.BadRequest, "minutesToExpire must be a positive integer.", "minutesToExpire"),
        EmulatorError.ClientTypeUnsupported => new(ServiceErrorCode.BadRequest, "Only clientType=Default is supported by the emulator.", "clientType"),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };
}
