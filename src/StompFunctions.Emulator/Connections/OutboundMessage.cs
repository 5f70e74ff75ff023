using System.Net.WebSockets;

namespace StompFunctions.Emulator.Connections;

/// <summary>
/// One item of a connection's send queue: a payload shared by every receiver of a fan-out (no copy
/// per connection), or a close request queued behind the messages sent before it.
/// </summary>
internal readonly record struct OutboundMessage(ReadOnlyMemory<byte> Payload, WebSocketMessageType Type, WebSocketCloseStatus CloseStatus, string? CloseReason)
{
    public bool IsClose => Type == WebSocketMessageType.Close;

    public static OutboundMessage Data(ReadOnlyMemory<byte> payload, bool binary) =>
        new(payload, binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, default, null);

    public static OutboundMessage Close(WebSocketCloseStatus status, string reason) =>
        new(default, WebSocketMessageType.Close, status, reason);
}
