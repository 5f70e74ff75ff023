using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Execution;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

/// <summary>
/// One client frame being handled, as middleware and handlers see it. It is a view over the event's bytes:
/// use it only during the call (copy what you keep).
/// </summary>
public class StompFrameContext
{
    private Dictionary<string, object?>? _items;

    internal StompFrameContext(ContextServices services, MessageExecution execution, StompFrame frame)
    {
        Environment = services;
        Execution = execution;
        Frame = frame;
    }

    /// <summary>The frame's command.</summary>
    public StompCommand Command => Frame.Command;

    /// <summary>The frame's headers (decoded on demand; the first of repeated names wins).</summary>
    public StompHeaders Headers => Frame.Headers;

    /// <summary>The frame's body.</summary>
    public ReadOnlyMemory<byte> Body => Frame.Body;

    /// <summary>The Web PubSub connection id of the sender.</summary>
    public string ConnectionId => Execution.ConnectionId;

    /// <summary>The STOMP session id given in CONNECTED.</summary>
    public string? SessionId => Execution.Session.SessionId;

    /// <summary>The user the CONNECT hook set, or the one Web PubSub authenticated.</summary>
    public string? User => Execution.Session.User;

    /// <summary>The session's roles: those of the connection's access token, or those the CONNECT hook set.</summary>
    public IReadOnlyList<string> Roles => Execution.Session.Roles ?? [];

    /// <summary>The negotiated STOMP version.</summary>
    public StompVersion Version => Execution.Session.Version;

    /// <summary>Application services (the root provider when the engine came from DI; otherwise null).</summary>
    public IServiceProvider? Services => Environment.Services;

    /// <summary>Values middleware passes along to later middleware and handlers for this frame.</summary>
    public IDictionary<string, object?> Items => _items ??= new(StringComparer.Ordinal);

    /// <summary>Cancelled when the upstream request is abandoned.</summary>
    public CancellationToken CancellationToken => Execution.CancellationToken;

    /// <summary>True once <see cref="Reject"/> was called.</summary>
    public bool IsRejected => RejectionMessage is not null;

    /// <summary>The short reason given to <see cref="Reject"/>.</summary>
    public string? RejectionMessage { get; private set; }

    /// <summary>The longer explanation given to <see cref="Reject"/>.</summary>
    public string? RejectionDetails { get; private set; }

    /// <summary>The fan-out, stamp and services the context reaches (never the engine itself).</summary>
    internal ContextServices Environment { get; }

    internal MessageExecution Execution { get; }

    internal StompFrame Frame { get; }

    /// <summary>The frame's bytes as received (kept by transactions until COMMIT).</summary>
    internal ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>
    /// Refuses the frame: the client receives an ERROR with this <c>message</c> (and <paramref name="details"/> as
    /// its body), and the connection is closed, as STOMP requires after every ERROR.
    /// </summary>
    public void Reject(string message, string? details = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        RejectionMessage ??= message;
        RejectionDetails ??= details;
    }

    /// <summary>Publishes to any destination with the same fan-out as a SEND to it.</summary>
    public ValueTask<int> PublishAsync(string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        Environment.Publisher.PublishAsync(destination, body, headers, Execution.Claim, CancellationToken);

    /// <summary>Publishes UTF-8 text (<c>content-type</c> defaults to <c>text/plain;charset=utf-8</c>).</summary>
    public ValueTask<int> PublishAsync(string destination, string body, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        Environment.Publisher.PublishAsync(destination, body, headers, Execution.Claim, CancellationToken);

    /// <summary>
    /// Publishes UTF-8 text to this session's own user destination: every session of <see cref="User"/> subscribed to
    /// <c>/user</c> + <paramref name="destination"/> (e.g. <c>/queue/replies</c>) receives it, this one included.
    /// Throws <see cref="InvalidOperationException"/> when the session has no user.
    /// </summary>
    public ValueTask<int> ReplyToUserAsync(string destination, string body, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        PublishAsync(Delivery.UserDestinations.For(User ?? throw new InvalidOperationException("This session has no user to reply to."), destination), body, headers);

    /// <summary>
    /// Delivers a MESSAGE to the sender only, on each of its own subscriptions to <paramref name="destination"/>,
    /// in the reply to this event (no fan-out, no store access). Returns how many subscriptions matched.
    /// </summary>
    public int SendToSender(string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SenderDelivery.SendToSender(Execution, Environment.Stamp, destination, body, headers);
}
