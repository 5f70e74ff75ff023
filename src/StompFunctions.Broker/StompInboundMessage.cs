using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker;

/// <summary>One upstream <c>message</c> event: a WebSocket message a client sent, with its connection's state.</summary>
/// <param name="ConnectionId">The Web PubSub connection id (<c>ce-connectionId</c>).</param>
/// <param name="UserId">The user the service authenticated (<c>ce-userId</c>), if any.</param>
/// <param name="ConnectionState">The <c>ce-connectionState</c> value, or null when the event had none.</param>
/// <param name="Payload">The WebSocket message bytes: zero or more STOMP frames, heart-beat EOLs, or part of a frame.</param>
/// <param name="PayloadKind">Whether it arrived as a text or a binary WebSocket message.</param>
/// <param name="Subprotocol">The negotiated WebSocket subprotocol (<c>ce-subprotocol</c>), e.g. <c>v12.stomp</c>.</param>
public readonly record struct StompInboundMessage(
    string ConnectionId,
    string? UserId,
    string? ConnectionState,
    ReadOnlyMemory<byte> Payload,
    PayloadKind PayloadKind,
    string? Subprotocol = null);
