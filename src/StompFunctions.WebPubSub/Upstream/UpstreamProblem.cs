using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub.Upstream;

/// <summary>Why the upstream endpoint refused a request; <see cref="UpstreamProblems"/> holds the one message of each.</summary>
internal enum UpstreamProblem
{
    /// <summary>A method other than POST (events) or OPTIONS (abuse protection).</summary>
    MethodNotAllowed,

    /// <summary>A required CloudEvents header is missing.</summary>
    NotACloudEvent,

    /// <summary>A <c>ce-type</c> no Web PubSub event has.</summary>
    UnknownType,

    /// <summary><c>ce-userId</c> is not percent-encoded UTF-8 while that format is configured.</summary>
    UserIdNotPercentEncoded,

    /// <summary>The signature matches no configured access key.</summary>
    SignatureMismatch,

    /// <summary>The event is for a hub this endpoint does not serve.</summary>
    WrongHub,

    /// <summary>The sealed <c>ce-connectionState</c> was not issued by this server for this connection.</summary>
    StateNotIssued,

    /// <summary>An event kind the handler has no answer for.</summary>
    UnknownEvent,

    /// <summary>A user event other than <c>message</c>.</summary>
    NotAMessageEvent,

    /// <summary>The connect event's body is not the expected JSON.</summary>
    ConnectBodyInvalid,

    /// <summary>The client offered subprotocols, none of them STOMP (argument: the accepted ones).</summary>
    NoStompSubprotocol,

    /// <summary>The application's connect hook failed.</summary>
    ConnectUndecided,

    /// <summary>The <c>disconnected</c> cleanup failed; the service may retry it.</summary>
    CleanupFailed,

    /// <summary>The abuse-protection preflight names no origin.</summary>
    PreflightOriginMissing,

    /// <summary>The abuse-protection preflight's origin header is empty.</summary>
    PreflightOriginEmpty,

    /// <summary>The abuse-protection preflight comes from an origin not allowed.</summary>
    PreflightOriginNotAllowed,
}

/// <summary>The message table of <see cref="UpstreamProblem"/>: the HTTP status and plain-text answer of each.</summary>
internal static class UpstreamProblems
{
    public static int Status(UpstreamProblem problem) => problem switch
    {
        UpstreamProblem.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        UpstreamProblem.SignatureMismatch or UpstreamProblem.StateNotIssued => StatusCodes.Status401Unauthorized,
        UpstreamProblem.PreflightOriginNotAllowed => StatusCodes.Status403Forbidden,
        UpstreamProblem.ConnectUndecided or UpstreamProblem.CleanupFailed => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string Message(UpstreamProblem problem, params ReadOnlySpan<object?> args) =>
        string.Format(CultureInfo.InvariantCulture, Format(problem), args);

    private static string Format(UpstreamProblem problem) => problem switch
    {
        UpstreamProblem.MethodNotAllowed => "Web PubSub upstream events are POST requests.",
        UpstreamProblem.NotACloudEvent => "Not a Web PubSub CloudEvents request: ce-type, ce-hub and ce-connectionId are required.",
        UpstreamProblem.UnknownType => "Unknown ce-type.",
        UpstreamProblem.UserIdNotPercentEncoded => "ce-userId is not percent-encoded UTF-8.",
        UpstreamProblem.SignatureMismatch => "The ce-signature header does not match any configured access key.",
        UpstreamProblem.WrongHub => "This endpoint serves another hub.",
        UpstreamProblem.StateNotIssued => "The ce-connectionState header was not issued by this server for this connection.",
        UpstreamProblem.UnknownEvent => "Unknown event.",
        UpstreamProblem.NotAMessageEvent => "STOMP clients send only 'message' events.",
        UpstreamProblem.ConnectBodyInvalid => "The connect event body is not the expected JSON object.",
        UpstreamProblem.NoStompSubprotocol => "This hub speaks STOMP. Accepted WebSocket subprotocols: {0} (or none at all).",
        UpstreamProblem.ConnectUndecided => "The server could not decide on the connection; try again.",
        UpstreamProblem.CleanupFailed => "Cleanup failed; it is safe to retry.",
        UpstreamProblem.PreflightOriginMissing => "The abuse-protection request has no WebHook-Request-Origin header.",
        UpstreamProblem.PreflightOriginEmpty => "The abuse-protection request has an empty WebHook-Request-Origin header.",
        UpstreamProblem.PreflightOriginNotAllowed => "This endpoint does not accept events from that origin; add it to the allowed origins.",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
