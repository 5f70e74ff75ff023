using System.Text.Unicode;
using StompFunctions.Broker.Buffers;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Execution;

/// <summary>
/// Everything one upstream event accumulates while its frames are handled: the session, the reply frames
/// for the sender, whether the state changed and whether the connection must close afterwards. Handlers
/// receive it with each frame and report refusals through <c>Fail</c>.
/// </summary>
internal sealed class MessageExecution(
    string connectionId, string? upstreamUserId, SessionState session, string? subprotocol, CancellationToken cancellationToken) : IDisposable
{
    /// <summary>How <see cref="CloseReason"/> starts after an ERROR; the rest is the ERROR's <c>message</c>.</summary>
    public const string ErrorClosePrefix = "STOMP ERROR: ";

    private PooledBufferWriter? _reply;
    private List<Action<PooledBufferWriter>>? _afterReceipt;

    public string ConnectionId { get; } = connectionId;

    public string? UpstreamUserId { get; } = upstreamUserId;

    public SessionState Session { get; } = session;

    /// <summary>The negotiated WebSocket subprotocol, if the adapter passed it.</summary>
    public string? Subprotocol { get; } = subprotocol;

    /// <summary>True once an ERROR was written: nothing else is handled and the connection closes.</summary>
    public bool ErrorSent { get; private set; }

    /// <summary>The command of the frame the ERROR refused (<see cref="StompCommand.None"/> outside any parsed frame).</summary>
    public StompCommand FailedCommand { get; private set; }

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public bool StateChanged { get; set; }

    /// <summary>The event's right to deliver (null when <see cref="StompBrokerOptions.ApplyEventsOnce"/> is off).</summary>
    public Delivery.DeliveryClaim? Claim { get; set; }

    public string? CloseReason { get; private set; }

    public bool ReplyIsBinary { get; private set; }

    public bool Closing => CloseReason is not null;

    /// <summary>The frames for the sender so far (created on first use: most SENDs owe nothing).</summary>
    public PooledBufferWriter Reply => _reply ??= new PooledBufferWriter(512);

    public ReadOnlySpan<byte> WrittenReply => _reply is null ? default : _reply.WrittenSpan;

    public void Close(string reason) => CloseReason ??= reason;

    /// <summary>
    /// Writes an ERROR for the frame (with its <c>receipt-id</c>) and marks the connection for closing; only the
    /// first failure of an event is written. Pass <c>default</c> for a failure outside any parsed frame.
    /// </summary>
    public void Fail(in StompFrame frame, in EngineFailure failure)
    {
        if (ErrorSent)
        {
            return;
        }

        frame.Headers.TryGetValue("receipt"u8, out var receipt);
        ServerFrames.WriteError(Reply, Version, failure.Message, receipt, failure.Details, failure.VersionList);
        ErrorSent = true;
        FailedCommand = frame.Command;
        DiscardAfterReceipt();
        Close(ErrorClosePrefix + failure.Message);
    }

    /// <summary>Fails the frame with the standard texts of <paramref name="error"/>.</summary>
    public void Fail(in StompFrame frame, EngineError error, params ReadOnlySpan<object?> args) => Fail(frame, EngineFailure.For(error, args));

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
