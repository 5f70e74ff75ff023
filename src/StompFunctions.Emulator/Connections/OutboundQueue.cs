using System.Net.WebSockets;

namespace StompFunctions.Emulator.Connections;

/// <summary>
/// The ordered send side of one client WebSocket, bounded by bytes. A WebSocket allows one send at a time, so at
/// most one pump runs per connection; when the connection is idle the caller's thread sends directly, which lets a
/// fan-out to thousands of sockets complete mostly synchronously instead of scheduling one thread-pool work item
/// per receiver.
/// </summary>
internal sealed class OutboundQueue(WebSocket socket, long maxQueuedBytes)
{
    /// <summary>What one queued message costs beyond its payload (queue slot, bookkeeping): empty messages are not free.</summary>
    private const int QueuedMessageOverheadBytes = 64;

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket = socket;
    private readonly long _maxQueuedBytes = maxQueuedBytes;
    private readonly Lock _gate = new();
    private readonly Queue<OutboundMessage> _queue = new();
    private readonly CancellationTokenSource _aborted = new();
    private readonly TaskCompletionSource _sendingDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _closeReason;
    private long _queuedBytes;
    private bool _sending;
    private bool _tooSlow;
    private bool _completed;

    /// <summary>Why the connection ended, reported in the <c>disconnected</c> event.</summary>
    public string? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>Cancelled when the socket must be dropped without (more of) a close handshake.</summary>
    public CancellationToken Aborted => _aborted.Token;

    /// <summary>Completes once the close frame has been sent or the connection was aborted.</summary>
    public Task SendingDone => _sendingDone.Task;

    /// <summary>Bytes waiting in the send queue (payloads plus a fixed cost per message); never above the configured bound.</summary>
    public long QueuedBytes
    {
        get
        {
            lock (_gate)
            {
                return _queuedBytes;
            }
        }
    }

    /// <summary>True once the connection was dropped because its send queue would have exceeded its byte bound.</summary>
    public bool DroppedAsTooSlow
    {
        get
        {
            lock (_gate)
            {
                return _tooSlow;
            }
        }
    }

    /// <summary>Sends or queues a message; a client whose queue would grow past its byte bound is too slow to keep and is dropped.</summary>
    public bool TrySend(ReadOnlyMemory<byte> payload, bool binary) => Enqueue(OutboundMessage.Data(payload, binary));

    /// <summary>
    /// Closes after the messages queued before this call have been sent. <paramref name="reason"/> goes into the
    /// close frame and, unless <paramref name="eventReason"/> says otherwise, into the <c>disconnected</c> event.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string reason, string? eventReason = null)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }
        }

        Interlocked.CompareExchange(ref _closeReason, eventReason ?? reason, null);
        Enqueue(OutboundMessage.Close(status, reason));
    }

    /// <summary>Drops the socket at once.</summary>
    public void Abort(string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        lock (_gate)
        {
            _completed = true;
            _queue.Clear();
            _queuedBytes = 0;
        }

        try
        {
            _aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Nothing left to abort.
        }

        _sendingDone.TrySetResult();
    }

    private bool Enqueue(OutboundMessage message)
    {
        var overflow = false;
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            _completed = message.IsClose;
            if (!_sending)
            {
                _sending = true;
            }
            else if (_queuedBytes + CostOf(message) <= _maxQueuedBytes || message.IsClose)
            {
                // A close is always queued: it ends the queue, so it cannot make it grow without bound.
                _queue.Enqueue(message);
                _queuedBytes += CostOf(message);
                return true;
            }
            else
            {
                overflow = true;
                _tooSlow = true;
            }
        }

        if (overflow)
        {
            // A full queue cannot carry a close frame either: the service drops such a client (close category SlowClient).
            Abort("The connection was dropped because it could not keep up with the messages sent to it.");
            return false;
        }

        _ = PumpAsync(message);
        return true;
    }

    /// <summary>The single sender: runs synchronously while sends complete synchronously, asynchronously otherwise.</summary>
    private async Task PumpAsync(OutboundMessage message)
    {
        try
        {
            while (true)
            {
                if (message.IsClose)
                {
                    await _socket.CloseOutputAsync(message.CloseStatus, CloseFrameReason.Truncate(message.CloseReason), _aborted.Token);

                    // A client that never answers the close frame must not hold the receive loop forever.
                    _aborted.CancelAfter(CloseHandshakeTimeout);
                    _sendingDone.TrySetResult();
                    return;
                }

                var pending = _socket.SendAsync(message.Payload, message.Type, endOfMessage: true, _aborted.Token);
                if (pending.IsCompletedSuccessfully)
                {
                    pending.GetAwaiter().GetResult();
                }
                else
                {
                    await pending;
                }

                lock (_gate)
                {
                    if (!_queue.TryDequeue(out message))
                    {
                        _sending = false;
                        return;
                    }

                    _queuedBytes -= CostOf(message);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            Abort("The connection was lost while sending to it.");
        }
    }

    private static long CostOf(OutboundMessage message) => message.IsClose ? 0 : message.Payload.Length + QueuedMessageOverheadBytes;
}
