namespace StompFunctions.WebPubSub.Upstream;

/// <summary>The outcome of subprotocol selection: whether to accept the client and which name to echo (null = none).</summary>
internal readonly record struct SubprotocolChoice(bool Accepted, string? Subprotocol);
