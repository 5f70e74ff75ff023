using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Testing;

/// <summary>One call the engine made through the in-memory gateway, in call order.</summary>
/// <param name="Kind">The call.</param>
/// <param name="Target">The connection id or group name the call addressed.</param>
/// <param name="ConnectionId">For group membership calls, the connection; otherwise null.</param>
/// <param name="Payload">For sends, a copy of the payload; otherwise empty.</param>
/// <param name="PayloadKind">For sends, text or binary.</param>
/// <param name="Reason">For closes, the reason given.</param>
public sealed record GatewayOperation(
    GatewayOperationKind Kind,
    string Target,
    string? ConnectionId,
    ReadOnlyMemory<byte> Payload,
    PayloadKind PayloadKind,
    string? Reason);
