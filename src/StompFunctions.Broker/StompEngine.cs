using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Routing;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

/// <summary>
/// The serverless STOMP engine. Each upstream event of Web PubSub becomes one call: <see cref="HandleConnect"/>
/// picks the subprotocol, <see cref="HandleMessageAsync"/> turns a WebSocket message plus the connection's
/// state into reply frames, a new state and effects through the ports, <see cref="HandleDisconnectedAsync"/>
/// cleans up. It keeps nothing between calls, reads no clock and draws no randomness of its own, so any
/// number of instances can serve the same connections.
/// </summary>
public sealed partial class StompEngine
{
    private readonly IStompStateStore _store;
    private readonly IConnectionGateway _gateway;
    private readonly StompBrokerOptions _options;
    private readonly TimeProvider _time;
    private readonly IStompIdGenerator _ids;
    private readonly ILogger _logger;

    /// <summary>Creates an engine over the two ports.</summary>
    public StompEngine(
        IStompStateStore store,
        IConnectionGateway gateway,
        StompHandlerRegistry handlers,
        IOptions<StompBrokerOptions> options,
        TimeProvider timeProvider,
        IStompIdGenerator idGenerator,
        ILogger<StompEngine> logger,
        IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        ArgumentNullException.ThrowIfNull(handlers);
        _options = options.Value;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _ids = idGenerator ?? throw new ArgumentNullException(nameof(idGenerator));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options.Parsing.Validate();
        Services = services;
        Handlers = handlers.Compile();
        Publisher = new StompPublisher(this);
    }

    /// <summary>The publish API bound to this engine.</summary>
    public IStompPublisher Publisher { get; }

    internal IServiceProvider? Services { get; }

    internal CompiledHandlers Handlers { get; }

    /// <summary>
    /// Answers Web PubSub's <c>connect</c> event: the highest <c>vNN.stomp</c> subprotocol the client offered
    /// and the server supports (browsers abort the handshake when none is echoed). No STOMP frame exists yet.
    /// </summary>
    public StompConnectEventResult HandleConnect(IEnumerable<string>? subprotocols)
    {
        var accepted = StompVersionNegotiation.GetSubprotocols(_options.SupportedVersions);
        if (subprotocols is null)
        {
            return new StompConnectEventResult(null, accepted);
        }

        StompVersionNegotiation.TrySelectSubprotocol(subprotocols, _options.SupportedVersions, out var chosen);
        return new StompConnectEventResult(chosen, accepted);
    }

    /// <summary>
    /// The <c>ce-connectionState</c> to answer Web PubSub's <c>connect</c> event with, so the STOMP session starts
    /// with the roles of the client's access token (CONNECT hooks see them as <see cref="StompConnectContext.UpstreamRoles"/>,
    /// authorization hooks as <see cref="StompFrameContext.Roles"/>). Null when there are none. Only the server sets
    /// connection state, so a client cannot choose its roles.
    /// </summary>
    public string? CreateConnectionState(IEnumerable<string>? roles) => SessionRoles.InitialState(roles);

    internal string NewId() => _ids.NewId();

    internal long? Timestamp() => _options.AddTimestampHeader ? _time.GetUtcNow().ToUnixTimeMilliseconds() : null;

    internal static StompVersion? VersionOfSubprotocol(string? subprotocol) =>
        subprotocol is not null && StompVersionNegotiation.TryParseSubprotocol(subprotocol, out var version) ? version : null;

    private bool IsBrokerDestination(string destination)
    {
        foreach (var prefix in _options.BrokerPrefixes)
        {
            if (destination.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
