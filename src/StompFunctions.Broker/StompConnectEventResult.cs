namespace StompFunctions.Broker;

/// <summary>The answer to Web PubSub's <c>connect</c> event: the subprotocol to accept.</summary>
/// <param name="Subprotocol">
/// The highest <c>vNN.stomp</c> the client offered that the server supports; null when the client offered none
/// (a client without subprotocols still works: the version is negotiated by CONNECT).
/// </param>
/// <param name="Accepted">Every subprotocol the server accepts, highest first, for the refusal of a client that offered none of them.</param>
public sealed record StompConnectEventResult(string? Subprotocol, IReadOnlyList<string> Accepted);
