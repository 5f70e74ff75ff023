using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub;

/// <summary>
/// A WebSocket handshake the service asks about (the upstream <c>connect</c> event, webpubsub-protocol.md §2.6).
/// Hooks read the token claims, query and headers, may settle <see cref="UserId"/>, <see cref="Roles"/> and
/// <see cref="Groups"/>, or call <see cref="Reject"/> to refuse the handshake. STOMP-level authentication
/// (<c>login</c>/<c>passcode</c>) happens later, in the engine's CONNECT hook.
/// </summary>
public sealed class WebPubSubConnectContext
{
    internal WebPubSubConnectContext(
        HttpContext httpContext,
        string hub,
        string connectionId,
        string? userId,
        IReadOnlyDictionary<string, string[]> claims,
        IReadOnlyDictionary<string, string[]> query,
        IReadOnlyDictionary<string, string[]> headers,
        IReadOnlyList<string> subprotocols,
        string? subprotocol,
        IReadOnlyList<string> sessionRoles)
    {
        HttpContext = httpContext;
        Hub = hub;
        ConnectionId = connectionId;
        UserId = userId;
        Claims = claims;
        Query = query;
        Headers = headers;
        Subprotocols = subprotocols;
        Subprotocol = subprotocol;
        SessionRoles = sessionRoles;
    }

    /// <summary>The upstream HTTP request (from the service, not from the client).</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The hub of the connection.</summary>
    public string Hub { get; }

    /// <summary>The connection id the service assigned.</summary>
    public string ConnectionId { get; }

    /// <summary>The user id; starts as the token's <c>sub</c> (null when anonymous). Set it to settle another.</summary>
    public string? UserId { get; set; }

    /// <summary>Claims of the client's access token, claim type to values.</summary>
    public IReadOnlyDictionary<string, string[]> Claims { get; }

    /// <summary>The handshake's query parameters (the service removes <c>access_token</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Query { get; }

    /// <summary>The handshake's headers.</summary>
    public IReadOnlyDictionary<string, string[]> Headers { get; }

    /// <summary>The subprotocols the client offered, in its order.</summary>
    public IReadOnlyList<string> Subprotocols { get; }

    /// <summary>The subprotocol that will be accepted (the highest <c>vNN.stomp</c> offered), or null.</summary>
    public string? Subprotocol { get; }

    /// <summary>
    /// The roles the STOMP session starts with (destination rules and authorization hooks read them): starts as the
    /// token's roles other than Web PubSub permissions (<c>webpubsub.*</c>); set it to settle others.
    /// </summary>
    public IReadOnlyList<string> SessionRoles { get; set; }

    /// <summary>Web PubSub permission roles to give the connection; null keeps those of the token.</summary>
    public IList<string>? Roles { get; set; }

    /// <summary>Groups the connection joins at once; null or empty keeps those of the token.</summary>
    public IList<string>? Groups { get; set; }

    /// <summary>The status of a rejection (401 or 403), or null while accepted.</summary>
    public int? RejectionStatus { get; private set; }

    /// <summary>The message of a rejection, sent as the body of the refused handshake's answer.</summary>
    public string? RejectionMessage { get; private set; }

    /// <summary>Refuses the handshake with 401 (unauthenticated) or 403 (forbidden); the first call wins.</summary>
    public void Reject(int statusCode, string message)
    {
        if (statusCode is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status400BadRequest))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A handshake is rejected with 400, 401 or 403.");
        }

        ArgumentException.ThrowIfNullOrEmpty(message);
        if (RejectionStatus is null)
        {
            RejectionStatus = statusCode;
            RejectionMessage = message;
        }
    }
}
