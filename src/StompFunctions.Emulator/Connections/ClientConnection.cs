using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace StompFunctions.Emulator.Connections;

/// <summary>
/// One client WebSocket held by the emulator: identity, groups, permissions, connection state, and its
/// <see cref="OutboundQueue"/> through which every message and the close frame are sent in order.
/// </summary>
internal sealed class ClientConnection
{
    private readonly OutboundQueue _outbound;
    private long _lastEventId; // the connect event used id 0
    private string? _state;

    public ClientConnection(string hub, string connectionId, string? userId, IReadOnlyList<string> roles, string? subprotocol, string? state, WebSocket socket, long maxQueuedBytes)
    {
        Hub = hub;
        ConnectionId = connectionId;
        UserId = userId;
        Roles = roles;
        Subprotocol = subprotocol;
        _state = state;
        _outbound = new OutboundQueue(socket, maxQueuedBytes);
    }

    public string Hub { get; }

    public string ConnectionId { get; }

    public string? UserId { get; }

    public IReadOnlyList<string> Roles { get; }

    public string? Subprotocol { get; }

    /// <summary>The value last set through <c>ce-connectionState</c>; null when never set.</summary>
    public string? State
    {
        get => Volatile.Read(ref _state);
        set => Volatile.Write(ref _state, value);
    }

    /// <summary>Groups this connection is in (the hub's index is the source of truth for fan-out).</summary>
    public ConcurrentDictionary<string, byte> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Granted permissions as <c>permission</c> or <c>permission|group</c>.</summary>
    public ConcurrentDictionary<string, byte> GrantedPermissions { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc cref="OutboundQueue.CloseReason"/>
    public string? CloseReason => _outbound.CloseReason;

    /// <inheritdoc cref="OutboundQueue.Aborted"/>
    public CancellationToken Aborted => _outbound.Aborted;

    /// <inheritdoc cref="OutboundQueue.SendingDone"/>
    public Task SendingDone => _outbound.SendingDone;

    /// <inheritdoc cref="OutboundQueue.QueuedBytes"/>
    public long QueuedBytes => _outbound.QueuedBytes;

    /// <inheritdoc cref="OutboundQueue.DroppedAsTooSlow"/>
    public bool DroppedAsTooSlow => _outbound.DroppedAsTooSlow;

    public long NextEventId() => Interlocked.Increment(ref _lastEventId);

    /// <inheritdoc cref="OutboundQueue.TrySend"/>
    public bool TrySend(ReadOnlyMemory<byte> payload, bool binary) => _outbound.TrySend(payload, binary);

    /// <inheritdoc cref="OutboundQueue.Close"/>
    public void Close(WebSocketCloseStatus status, string reason, string? eventReason = null) => _outbound.Close(status, reason, eventReason);

    /// <inheritdoc cref="OutboundQueue.Abort"/>
    public void Abort(string reason) => _outbound.Abort(reason);
}
