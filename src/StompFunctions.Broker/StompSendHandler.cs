namespace StompFunctions.Broker;

/// <summary>Handles a SEND to a destination matching a template.</summary>
public delegate ValueTask StompSendHandler(StompSendContext context);
