using StompFunctions.Broker.Routing;

namespace StompFunctions.Broker;

/// <summary>
/// What an application registers: handlers per destination template, middleware, and hooks for CONNECT,
/// SEND, SUBSCRIBE and ACK/NACK. Fill it before the engine is built; it is frozen then.
/// </summary>
public sealed class StompHandlerRegistry
{
    private readonly List<(DestinationTemplate, StompSendHandler)> _send = [];
    private readonly List<(DestinationTemplate, StompSubscribeHandler)> _subscribe = [];
    private readonly List<StompMiddleware> _middleware = [];
    private readonly List<StompConnectHook> _connectHooks = [];
    private readonly List<StompSendHandler> _sendAuthorizers = [];
    private readonly List<StompSubscribeHandler> _subscribeAuthorizers = [];
    private readonly List<StompAckHook> _ackHooks = [];
    private volatile bool _frozen;

    /// <summary>Handles SENDs whose destination matches <paramref name="template"/> (<c>/app/chat/{room}</c>, <c>/app/{*path}</c>).</summary>
    public StompHandlerRegistry MapSend(string template, StompSendHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(_send, (DestinationTemplate.Parse(template), handler));
        return this;
    }

    /// <summary>Handles SUBSCRIBEs whose destination matches <paramref name="template"/>; the subscription is kept unless rejected.</summary>
    public StompHandlerRegistry MapSubscribe(string template, StompSubscribeHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(_subscribe, (DestinationTemplate.Parse(template), handler));
        return this;
    }

    /// <summary>Adds middleware around every frame, in registration order (the first registered runs outermost).</summary>
    public StompHandlerRegistry Use(StompMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        Add(_middleware, middleware);
        return this;
    }

    /// <summary>Adds a CONNECT hook (authentication): it may set the user or reject the connection.</summary>
    public StompHandlerRegistry OnConnect(StompConnectHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Add(_connectHooks, hook);
        return this;
    }

    /// <summary>Adds a SEND authorization hook, run before any handler or fan-out; reject to refuse.</summary>
    public StompHandlerRegistry AuthorizeSend(StompSendHandler hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Add(_sendAuthorizers, hook);
        return this;
    }

    /// <summary>Adds a SUBSCRIBE authorization hook, run before any handler or group join; reject to refuse.</summary>
    public StompHandlerRegistry AuthorizeSubscribe(StompSubscribeHandler hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Add(_subscribeAuthorizers, hook);
        return this;
    }

    /// <summary>Adds a hook that observes every validated ACK and NACK (at COMMIT for transactional ones).</summary>
    public StompHandlerRegistry OnAck(StompAckHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Add(_ackHooks, hook);
        return this;
    }

    internal CompiledHandlers Compile()
    {
        _frozen = true;
        return new CompiledHandlers(
            new DestinationRouter<StompSendHandler>(_send),
            new DestinationRouter<StompSubscribeHandler>(_subscribe),
            [.. _connectHooks],
            [.. _sendAuthorizers],
            [.. _subscribeAuthorizers],
            [.. _ackHooks]);
    }

    /// <summary>The middleware around <paramref name="endpoint"/> (the command's own handling); null when there is none.</summary>
    internal StompFrameDelegate? BuildPipeline(StompFrameDelegate endpoint)
    {
        if (_middleware.Count == 0)
        {
            return null;
        }

        var next = endpoint;
        for (var i = _middleware.Count - 1; i >= 0; i--)
        {
            var middleware = _middleware[i];
            var inner = next;
            next = context => middleware(context, inner);
        }

        return next;
    }

    private void Add<T>(List<T> list, T item)
    {
        if (_frozen)
        {
            throw new InvalidOperationException("Register STOMP handlers before the engine is built (before StompEngine is first resolved).");
        }

        list.Add(item);
    }
}
