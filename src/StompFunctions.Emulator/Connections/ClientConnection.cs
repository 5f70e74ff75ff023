using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace StompFunctions.Emulator.Connections;

/// <summary>
/// One client WebSocket held by the emulator: identity, groups, permissions, connection state and a
/// bounded send queue drained by a single writer, because a WebSocket allows one send at a time and
/// a fan-out must not wait for the slowest receiver.
/// </summary>
internal sealed class ClientConnection
{
    private const int MaxCloseReasonBytes = 123; // RFC 6455 §5.5: control frame payload ≤ 125, minus the status code

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly Channel<OutboundMessage> _outbound;
    private readonly CancellationTokenSource _aborted = new();
    private long _lastEventId; // the connect event used id 0
    private string? _closeReason;
    private string? _state;
    private int _closing;

    public ClientConnection(string hub, string connectionId, string? userId, IReadOnlyList<string> roles, string? subprotocol, string? state, WebSocket socket, int queueLimit)
    {
        Hub = hub;
        ConnectionId = connectionId;
        UserId = userId;
        Roles = roles;
        Subprotocol = subprotocol;
        _state = state;
        _socket = socket;
        _outbound = Channel.CreateBounded<OutboundMessage>(new BoundedChannelOptions(queueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
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

    /// <summary>Why the connection ended, reported in the <c>disconnected</c> event.</summary>
    public string? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>Cancelled when the socket must be dropped without a close handshake.</summary>
    public CancellationToken Aborted => _aborted.Token;

    public long NextEventId() => Interlocked.Increment(ref _lastEventId);

    /// <summary>Queues a message; a client whose queue is full is too slow to keep and is dropped.</summary>
    public bool TrySend(ReadOnlyMemory<byte> payload, bool binary)
    {
        if (_outbound.Writer.TryWrite(OutboundMessage.Data(payload, binary)))
        {
            return true;
        }

        Abort("The connection was dropped because it could not keep up with the messages sent to it.");
        return false;
    }

    /// <summary>
    /// Closes after the messages queued before this call have been sent. <paramref name="reason"/> goes into the
    /// close frame and, unless <paramref name="eventReason"/> says otherwise, into the <c>disconnected</c> event.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string reason, string? eventReason = null)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        Interlocked.CompareExchange(ref _closeReason, eventReason ?? reason, null);
        if (!_outbound.Writer.TryWrite(OutboundMessage.Close(status, reason)))
        {
            Abort(reason);
        }

        _outbound.Writer.TryComplete();
    }

    /// <summary>Drops the socket at once.</summary>
    public void Abort(string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        Interlocked.Exchange(ref _closing, 1);
        _outbound.Writer.TryComplete();
        try
        {
            _aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished: nothing left to abort.
        }
    }

    /// <summary>The single writer of the socket; ends when the queue completes or the socket fails.</summary>
    public async Task RunSendLoopAsync()
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(_aborted.Token))
            {
                if (message.IsClose)
                {
                    await _socket.CloseOutputAsync(message.CloseStatus, Truncate(message.CloseReason), _aborted.Token);

                    // A client that never answers the close frame must not hold the receive loop forever.
                    _aborted.CancelAfter(CloseHandshakeTimeout);
                    return;
                }

                await _socket.SendAsync(message.Payload, message.Type, endOfMessage: true, _aborted.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            Abort("The connection was lost while sending to it.");
        }
    }

    private static string? Truncate(string? reason)
    {
        if (reason is null || Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (length > 0 && Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxCloseReasonBytes)
        {
            length--;
        }

        // Never cut a surrogate pair in half.
        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return reason[..length];
    }
}
