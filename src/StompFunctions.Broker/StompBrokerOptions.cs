using StompFunctions.Protocol;

namespace StompFunctions.Broker;

/// <summary>Settings of the engine. Defaults suit a serverless deployment behind Azure Web PubSub.</summary>
public sealed class StompBrokerOptions
{
    /// <summary>
    /// Destination prefixes handled by the broker with no handler: a SEND fans out to their subscribers.
    /// Other destinations need a handler registered for them.
    /// </summary>
    public IList<string> BrokerPrefixes { get; } = ["/topic/", "/queue/"];

    /// <summary>
    /// Whether a SEND to <paramref name="destination"/> fans out with no handler: it starts with one of the
    /// <see cref="BrokerPrefixes"/> and is no topic pattern. The HTTP publish endpoint accepts exactly these destinations.
    /// </summary>
    public bool IsBrokerDestination(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return (HasBrokerPrefix(destination) && !IsTopicPattern(destination)) || Delivery.UserDestinations.TryShown(destination, out _);
    }

    /// <summary>
    /// Whether <paramref name="destination"/> is a topic pattern (<c>/topic/…</c> holding <c>*</c> or <c>#</c>): a SUBSCRIBE
    /// may name it, a SEND or publish may not.
    /// </summary>
    public static bool IsTopicPattern(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Delivery.TopicWildcards.IsPattern(destination);
    }

    private bool HasBrokerPrefix(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        foreach (var prefix in BrokerPrefixes)
        {
            if (destination.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The STOMP versions the server accepts in CONNECT.</summary>
    public StompVersionSet SupportedVersions { get; set; } = StompVersionSet.All;

    /// <summary>The <c>server</c> header of CONNECTED: a name, optionally <c>/version</c>, then comments.</summary>
    public string ServerName { get; set; } = "StompFunctions/1.0";

    /// <summary>
    /// How often, in milliseconds, the server wants heart-beats from clients (the <c>sy</c> of CONNECTED's
    /// <c>heart-beat:0,sy</c>). Default 0: every client beat is one billed Function execution, and Web PubSub
    /// already keeps sockets alive with WebSocket pings. The server itself never beats (<c>sx</c> is always 0):
    /// nothing of ours runs between events to send them.
    /// </summary>
    public int HeartBeatReceiveMilliseconds { get; set; }

    /// <summary>
    /// How long, in milliseconds, an instance trusts the store generation it last read (one store read per interval
    /// and instance, never one per frame). When the store lost its rows (a new generation), a connection's next frame,
    /// heart-beats included, writes its routes and queue consumers again from its own state; a connection that sends
    /// nothing gets an ERROR and is closed twice this interval after an instance noticed the new generation.
    /// Default 30 000 (docs/table-design.md, "Store generation").
    /// </summary>
    public int StoreGenerationCheckMilliseconds { get; set; } = 30_000;

    /// <summary>
    /// Above this many characters the connection state is stored in the state store (keyed by connection
    /// id) and only a pointer travels in <c>ce-connectionState</c>. UNCONFIRMED: Web PubSub documents no
    /// limit for the state header; a few KiB keeps every event's headers small.
    /// </summary>
    public int ConnectionStateSpillThreshold { get; set; } = 2048;

    /// <summary>The largest serialized state the engine keeps, spilled or not; beyond it the frame is refused.</summary>
    public int MaxConnectionStateBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Whether each upstream event fans out at most once per connection, even when the service retries it (after a
    /// timeout or a 5xx it never got our answer for). On by default: a SEND that reaches subscribers then costs one
    /// conditional store write besides its route read, and its answer carries a new connection state.
    /// </summary>
    public bool ApplyEventsOnce { get; set; } = true;

    /// <summary>Subscriptions one connection may hold at once.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 64;

    /// <summary>Transactions one connection may have open at once.</summary>
    public int MaxOpenTransactions { get; set; } = 8;

    /// <summary>Frames one transaction may hold until COMMIT.</summary>
    public int MaxTransactionFrames { get; set; } = 128;

    /// <summary>Bytes of frames one transaction may hold until COMMIT.</summary>
    public int MaxTransactionBytes { get; set; } = 128 * 1024;

    /// <summary>
    /// Limits of the frame reader. The defaults (1 MiB per frame and body) take any frame one Web PubSub
    /// message can carry; <see cref="MaxPendingFrameBytes"/> separately bounds a split frame's tail.
    /// </summary>
    public StompParseOptions Parsing { get; set; } = new();

    /// <summary>
    /// The most bytes of an incomplete frame (a frame split across WebSocket messages) kept in the connection
    /// state until its next part arrives; beyond it the client gets an ERROR. Smaller than the frame limit
    /// because the tail travels base64-encoded in every later event's state (or spills to the store), and
    /// must fit <see cref="MaxConnectionStateBytes"/>. A frame sent in one message is bounded by
    /// <see cref="Parsing"/> alone.
    /// </summary>
    public int MaxPendingFrameBytes { get; set; } = 128 * 1024;

    /// <summary>When true, MESSAGE frames carry a <c>timestamp</c> header (Unix milliseconds, from the injected clock).</summary>
    public bool AddTimestampHeader { get; set; }
}
