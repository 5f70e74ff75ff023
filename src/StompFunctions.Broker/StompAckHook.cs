namespace StompFunctions.Broker;

/// <summary>Observes a validated ACK or NACK.</summary>
public delegate ValueTask StompAckHook(StompAckContext context);
