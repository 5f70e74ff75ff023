namespace StompFunctions.Broker;

/// <summary>Registration of handlers, middleware and hooks on an <see cref="IStompBuilder"/>, chained.</summary>
public static class StompBuilderExtensions
{
    /// <summary>Handles SENDs to destinations matching <paramref name="template"/> (<c>/app/chat/{room}</c>).</summary>
    public static IStompBuilder MapSend(this IStompBuilder builder, string template, StompSendHandler handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Handlers.MapSend(template, handler);
        return builder;
    }

    /// <summary>Handles SUBSCRIBEs to destinations matching <paramref name="template"/>.</summary>
    public static IStompBuilder MapSubscribe(this IStompBuilder builder, string template, StompSubscribeHandler handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Handlers.MapSubscribe(template, handler);
        return builder;
    }

    /// <summary>Adds middleware around every frame.</summary>
    public static IStompBuilder Use(this IStompBuilder builder, StompMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Handlers.Use(middleware);
        return builder;
    }

    /// <summary>Adds a CONNECT (authentication) hook.</summary>
    public static IStompBuilder OnConnect(this IStompBuilder builder, StompConnectHook hook)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Handlers.OnConnect(hook);
        return builder;
    }

    /// <summary>Adds a SEND authorization hook.</summary>
    public static IStompBuilder AuthorizeSend(this IStompBuilder builder, StompSendHandler hook)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Handlers.AuthorizeSend(hook);
        return builder;
    }

    /// <summary>Adds a SUBSCRIBE authorization hook.</summary>
    public static IStompBuilder AuthorizeSubscribe(this IStompBuilder builder, StompSubscribeHandler hook)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Handlers.AuthorizeSubscribe(hook);
        return builder;
    }

    /// <summary>Adds an ACK/NACK hook.</summary>
    public static IStompBuilder OnAck(this IStompBuilder builder, StompAckHook hook)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Handlers.OnAck(hook);
        return builder;
    }
}
