namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Why the emulator refuses a request, one reason per distinct answer. <see cref="EmulatorErrorTable"/> is the one
/// table of their wire code (<see cref="ServiceErrorCode"/>), message and target; some messages take an argument.
/// </summary>
internal enum EmulatorError
{
    // The client endpoint and its connect event.
    HubNameMissingOrInvalid,
    HubNotFound,
    WebSocketRequired,
    AnonymousNotAllowed,
    ClientTokenNotHs256,
    ClientTokenBadSignature,
    ClientTokenMalformed,
    ClientTokenLifetime,
    ClientTokenAudience,
    ConnectHandlerUnreachable,
    ConnectHandlerFailed,
    ConnectHandlerSubprotocolNotOffered,

    // Authenticating a data-plane call.
    RestTokenMissing,
    RestTokenBadSignature,
    RestTokenMalformed,
    RestTokenLifetime,
    RestTokenAudience,

    // Routing a data-plane call.
    HubNameInvalid,
    ApiVersionInvalid,
    MethodNotAllowed,
    NoSuchOperation,
    RequestRejected,
    InternalError,

    // The operations' arguments.
    ConnectionNotFound,
    UserHasNoConnection,
    GroupNameInvalid,
    PayloadTooLarge,
    ContentTypeUnsupported,
    MessageTtlInvalid,
    FilterInvalid,
    PermissionInvalid,
    PageSizeInvalid,
    GroupConnectionsNeedNewerApiVersion,
    GroupsByFilterBodyInvalid,
    GroupsByFilterGroupsInvalid,
    MinutesToExpireInvalid,
    ClientTypeUnsupported,
}
