namespace StompFunctions.Broker;

/// <summary>Handles a SUBSCRIBE to a destination matching a template.</summary>
public delegate ValueTask StompSubscribeHandler(StompSubscribeContext context);
