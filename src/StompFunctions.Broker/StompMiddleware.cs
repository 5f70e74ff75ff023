namespace StompFunctions.Broker;

/// <summary>Runs around every client frame (CONNECT included); call <paramref name="next"/> to continue, or reject.</summary>
public delegate ValueTask StompMiddleware(StompFrameContext context, StompFrameDelegate next);
