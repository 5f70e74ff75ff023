namespace StompFunctions.Broker;

/// <summary>The answer to Web PubSub's <c>connect</c> event: the subprotocol to accept.</summary>
/// <param name="Subprotocol">
/// The highest <c>vNN.stomp</c> the client offered that the server supports; null when the client offered none
/// (a client without subprotocols still works: the version is negotiated by CONNECT).
/// </param>
public sealed record StompConnectEventResult(string? Subprotocol);
