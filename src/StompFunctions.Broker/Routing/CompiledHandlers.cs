namespace StompFunctions.Broker.Routing;

/// <summary>The frozen form of a <see cref="StompHandlerRegistry"/> the engine runs with.</summary>
internal sealed record CompiledHandlers(
    DestinationRouter<StompSendHandler> Send,
    DestinationRouter<StompSubscribeHandler> Subscribe,
    StompConnectHook[] ConnectHooks,
    StompSendHandler[] SendAuthorizers,
    StompSubscribeHandler[] SubscribeAuthorizers,
    StompAckHook[] AckHooks);
