using System.Buffers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker.Commands;
using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Recovery;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

/// <summary>
/// The serverless STOMP engine. Each upstream event of Web PubSub becomes one call: <see cref="HandleConnect"/>
/// picks the subprotocol, <see cref="HandleMessageAsync"/> turns a WebSocket message plus the connection's
/// state into reply frames, a new state and effects through the ports, <see cref="HandleDisconnectedAsync"/>
/// cleans up. It keeps nothing between calls, reads no clock and draws no randomness of its own, so any
/// number of instances can serve the same connections. The work is done by its parts: the frame processor
/// and the command handlers it dispatches to, the fan-out service, and the session persistence.
/// </summary>
public sealed class StompEngine
{
    private readonly IStompStateStore _store;
    private readonly StompBrokerOptions _options;
    private readonly ILogger _logger;
    private readonly SessionPersistence _sessions;
    private readonly FrameProcessor _frames;
    private readonly DisconnectCleanup _disconnects;
    private readonly SubscriptionRecovery _recovery;

    /// <summary>Creates an engine over the two ports.</summary>
    public StompEngine(
        IStompStateStore store,
        IConnectionGateway gateway,
        StompHandlerRegistry handlers,
        IOptions<StompBrokerOptions> options,
        TimeProvider timeProvider,
        IStompIdGenerator idGenerator,
        ILogger<StompEngine> logger,
        IServiceProvider? services = null,
        IQueueStore? queueStore = null,
        StompQueueOptions? queueOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(idGenerator);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options.Value;
        _options.Parsing.Validate();

        var stamp = new MessageStamp(idGenerator, timeProvider, _options.AddTimestampHeader);
        var queues = queueOptions ?? services?.GetService<IOptions<StompQueueOptions>>()?.Value ?? new StompQueueOptions();
        Queues = new QueueBroker(
            queueStore ?? services?.GetService<IQueueStore>() ?? new InMemoryQueueStore(),
            new QueueMessageSink(gateway, stamp.Timestamp),
            Microsoft.Extensions.Options.Options.Create(queues),
            timeProvider,
            idGenerator,
            services?.GetService<ILogger<QueueBroker>>() ?? NullLogger<QueueBroker>.Instance);
        var destinations = new DestinationClassifier(_options.BrokerPrefixes, queues.QueuePrefix);
        var generations = new StoreGenerationWatch(store, timeProvider, TimeSpan.FromMilliseconds(_options.StoreGenerationCheckMilliseconds));
        var notices = new LostSubscriptionNotices(generations, gateway, logger);
        _recovery = new SubscriptionRecovery(store, gateway, generations, notices, destinations, Queues, timeProvider, logger);
        var fanOut = new MessageFanOut(new ObservingRouteSource(new StoreRouteSource(store), notices), gateway, stamp, destinations, Queues);
        var publisher = new StompPublisher(fanOut);
        Publisher = publisher;
        var context = new ContextServices(fanOut, publisher, stamp, services);
        var dispatcher = CommandDispatchers.Create(_options, handlers.Compile(), context, store, gateway, destinations, Queues);
        var pipeline = handlers.BuildPipeline(c => dispatcher.DispatchAsync(new CommandFrame(c.Execution, c.Frame, c.Raw)));
        _frames = new FrameProcessor(_options.Parsing, _options.MaxPendingFrameBytes, dispatcher, pipeline, context, logger);
        _sessions = new SessionPersistence(store, _options, logger);
        _disconnects = new DisconnectCleanup(_sessions, store, destinations, Queues, logger);
    }

    /// <summary>The queues (<c>/queue/…</c>) of this engine: point to point over the queue store.</summary>
    public QueueBroker Queues { get; }

    /// <summary>The publish API bound to this engine.</summary>
    public IStompPublisher Publisher { get; }

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

    /// <summary>
    /// Handles one upstream <c>message</c> event: decodes every frame of the payload (completing a frame left
    /// incomplete by the previous message), handles each in order, and returns the frames for the sender,
    /// the new connection state and whether to close. Never throws for bad input or an unavailable store:
    /// those become an ERROR frame and a close.
    /// </summary>
    public async ValueTask<StompMessageResult> HandleMessageAsync(StompInboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(message.ConnectionId);
        SessionState? session;
        try
        {
            session = await _sessions.LoadAsync(message.ConnectionId, message.ConnectionState, cancellationToken).ConfigureAwait(false);
        }
        catch (StompStoreUnavailableException ex)
        {
            EngineLog.StoreUnavailable(_logger, message.ConnectionId, ex.Message);
            return Refuse(message.ConnectionState, EngineFailure.For(EngineError.StoreUnavailable));
        }

        if (session is null)
        {
            EngineLog.StateCorrupt(_logger, message.ConnectionId);
            return Refuse(message.ConnectionState, EngineFailure.For(EngineError.InvalidConnectionState));
        }

        if (session.SpilledByEarlierAttempt && _options.ApplyEventsOnce)
        {
            // The replayed frames would run on the state their first attempt left, not the one they came with; the
            // event was applied, so it is answered with that state only (its receipts are not repeated).
            DeliveryLog.RetriedEventNotDelivered(_logger, message.ConnectionId);
            return new StompMessageResult(ReadOnlyMemory<byte>.Empty, PayloadKind.Text, SessionStateWriter.SpillPointer(session.SpillETag!), true, null);
        }

        using var execution = new MessageExecution(message.ConnectionId, message.UserId, session, message.Subprotocol, cancellationToken);
        if (_options.ApplyEventsOnce)
        {
            execution.Claim = new DeliveryClaim(_store, execution, _logger);
        }

        // The store may have lost this connection's routes since its last frame: they are written again first.
        var recovery = await _recovery.BeforeFramesAsync(execution).ConfigureAwait(false);
        if (!execution.Closing)
        {
            await _frames.ProcessPayloadAsync(execution, message.Payload).ConfigureAwait(false);
            await _recovery.AfterFramesAsync(execution, recovery).ConfigureAwait(false);
        }

        var state = await _sessions.SaveAsync(execution, message.ConnectionState).ConfigureAwait(false);
        if (execution.ErrorSent)
        {
            LogRejection(execution);
        }

        var reply = execution.WrittenReply.IsEmpty ? ReadOnlyMemory<byte>.Empty : execution.WrittenReply.ToArray();
        return new StompMessageResult(
            reply,
            execution.ReplyIsBinary ? PayloadKind.Binary : PayloadKind.Text,
            state,
            execution.StateChanged,
            execution.CloseReason);
    }

    /// <summary>
    /// Handles Web PubSub's <c>disconnected</c> event: removes the connection's member rows (the state lists
    /// its subscriptions), drops its spilled state and event marker, and so aborts its open transactions. Groups need no
    /// call: the service drops a closed connection from them. Store failures are logged and left to the
    /// collector, which removes members of connections that no longer exist.
    /// </summary>
    public async ValueTask HandleDisconnectedAsync(string connectionId, string? connectionState, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        await _disconnects.CleanUpAsync(connectionId, connectionState, cancellationToken).ConfigureAwait(false);
    }

    private void LogRejection(MessageExecution execution)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var command = execution.FailedCommand == StompCommand.None ? "(unparsed)" : execution.FailedCommand.GetName();
            EngineLog.FrameRejected(_logger, execution.ConnectionId, command, execution.CloseReason![MessageExecution.ErrorClosePrefix.Length..]);
        }
    }

    // Nothing of the event was handled: an ERROR, the state as it came, and a close.
    private static StompMessageResult Refuse(string? connectionState, in EngineFailure failure)
    {
        var output = new ArrayBufferWriter<byte>(256);
        ServerFrames.WriteError(output, StompVersion.V1_2, failure.Message, null, failure.Details);
        return new StompMessageResult(output.WrittenMemory, PayloadKind.Text, connectionState ?? "", false, MessageExecution.ErrorClosePrefix + failure.Message);
    }
}
