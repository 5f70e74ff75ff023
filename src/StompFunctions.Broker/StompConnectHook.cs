namespace StompFunctions.Broker;

/// <summary>Authenticates a CONNECT: may set the user or reject.</summary>
public delegate ValueTask StompConnectHook(StompConnectContext context);
