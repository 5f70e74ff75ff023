using StompFunctions.Protocol;

namespace StompFunctions.Broker;

/// <summary>
/// A CONNECT (or STOMP) frame offered to the authentication hook. CONNECT headers are never unescaped, so
/// <see cref="Login"/> and <see cref="Passcode"/> are exactly the client's bytes.
/// </summary>
public sealed class StompConnectContext
{
    internal StompConnectContext(string connectionId, string? upstreamUserId, IReadOnlyList<string> upstreamRoles, StompVersion version, StompHeaders headers, IServiceProvider? services, CancellationToken cancellationToken)
    {
        ConnectionId = connectionId;
        UpstreamUserId = upstreamUserId;
        Version = version;
        Headers = headers;
        Services = services;
        CancellationToken = cancellationToken;
        User = upstreamUserId;
        UpstreamRoles = upstreamRoles;
        Roles = upstreamRoles;
    }

    /// <summary>The Web PubSub connection id.</summary>
    public string ConnectionId { get; }

    /// <summary>The user Web PubSub authenticated from the access token, if any.</summary>
    public string? UpstreamUserId { get; }

    /// <summary>
    /// The roles the connection brought from its access token (the adapter sets them when Web PubSub asks about the
    /// handshake); empty when none.
    /// </summary>
    public IReadOnlyList<string> UpstreamRoles { get; }

    /// <summary>The version negotiated for the session.</summary>
    public StompVersion Version { get; }

    /// <summary>All CONNECT headers (valid only during the call).</summary>
    public StompHeaders Headers { get; }

    /// <summary>The <c>host</c> header (virtual host), or null (stompjs sends none unless told to).</summary>
    public string? Host => Headers["host"];

    /// <summary>The <c>login</c> header, or null.</summary>
    public string? Login => Headers["login"];

    /// <summary>The <c>passcode</c> header, or null (never log it).</summary>
    public string? Passcode => Headers["passcode"];

    /// <summary>Application services, when the engine came from DI.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>Cancelled when the upstream request is abandoned.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The session's user: starts as <see cref="UpstreamUserId"/>; hooks may replace it.</summary>
    public string? User { get; set; }

    /// <summary>The session's roles, which authorization hooks read: start as <see cref="UpstreamRoles"/>; hooks may replace them.</summary>
    public IReadOnlyList<string> Roles { get; set; }

    /// <summary>The reason given to <see cref="Reject"/>, if called.</summary>
    public string? RejectionMessage { get; private set; }

    /// <summary>Refuses the connection: the client gets an ERROR with this message and is disconnected.</summary>
    public void Reject(string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        RejectionMessage ??= message;
    }
}
