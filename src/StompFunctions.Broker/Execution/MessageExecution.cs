using System.Text.Unicode;
using StompFunctions.Broker.Buffers;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Execution;

/// <summary>
/// Everything one upstream event accumulates while its frames are handled: the session, the reply frames
/// for the sender, whether the state changed and whether the connection must close afterwards.
/// </summary>
internal sealed class MessageExecution(string connectionId, string? upstreamUserId, SessionState session, string? subprotocol, CancellationToken cancellationToken) : IDisposable
{
    private PooledBufferWriter? _reply;
    private List<Action<PooledBufferWriter>>? _afterReceipt;

    public string ConnectionId { get; } = connectionId;

    public string? UpstreamUserId { get; } = upstreamUserId;

    public SessionState Session { get; } = session;

    /// <summary>The negotiated WebSocket subprotocol, if the adapter passed it.</summary>
    public string? Subprotocol { get; } = subprotocol;

    /// <summary>True once an ERROR was written: nothing else is handled and the connection closes.</summary>
    public bool ErrorSent { get; private set; }

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public bool StateChanged { get; set; }

    public string? CloseReason { get; private set; }

    public bool ReplyIsBinary { get; private set; }

    public bool Closing => CloseReason is not null;

    /// <summary>The frames for the sender so far (created on first use: most SENDs owe nothing).</summary>
    public PooledBufferWriter Reply => _reply ??= new PooledBufferWriter(512);

    public ReadOnlySpan<byte> WrittenReply => _reply is null ? default : _reply.WrittenSpan;

    public void Close(string reason) => CloseReason ??= reason;

    public void MarkError(string message)
    {
        ErrorSent = true;
        DiscardAfterReceipt();
        Close("STOMP ERROR: " + message);
    }

    /// <summary>Notes a body going to the sender; one non-UTF-8 body makes the whole reply binary.</summary>
    public void NoteReplyBody(ReadOnlySpan<byte> body)
    {
        if (!ReplyIsBinary && !Utf8.IsValid(body))
        {
            ReplyIsBinary = true;
        }
    }

    /// <summary>Queues reply frames that must follow the RECEIPT of the frame being handled (SUBSCRIBE replies).</summary>
    public void AfterReceipt(Action<PooledBufferWriter> write) => (_afterReceipt ??= []).Add(write);

    public void FlushAfterReceipt()
    {
        if (_afterReceipt is null)
        {
            return;
        }

        foreach (var write in _afterReceipt)
        {
            write(Reply);
        }

        _afterReceipt.Clear();
    }

    public void DiscardAfterReceipt() => _afterReceipt?.Clear();

    /// <summary>The version whose rules apply to frames written now.</summary>
    public StompVersion Version => Session.Connected ? Session.Version : StompVersion.V1_2;

    public void Dispose() => _reply?.Dispose();
}
