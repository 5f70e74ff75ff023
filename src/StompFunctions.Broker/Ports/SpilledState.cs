namespace StompFunctions.Broker.Ports;

/// <summary>Connection state too large to travel in <c>ce-connectionState</c>, stored under the connection id.</summary>
/// <param name="Data">The serialized state.</param>
/// <param name="ETag">The store's version, for a conditional rewrite.</param>
public sealed record SpilledState(ReadOnlyMemory<byte> Data, string ETag);
