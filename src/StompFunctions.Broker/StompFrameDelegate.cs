namespace StompFunctions.Broker;

/// <summary>The rest of the frame pipeline, as middleware sees it.</summary>
public delegate ValueTask StompFrameDelegate(StompFrameContext context);
