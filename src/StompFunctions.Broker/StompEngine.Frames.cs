using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Ports;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

public sealed partial class StompEngine
{
    /// <summary>Handles one frame: session checks, middleware, the command, then its RECEIPT; every failure becomes an ERROR.</summary>
    private async ValueTask ProcessFrameAsync(MessageExecution execution, StompFrame frame, ReadOnlyMemory<byte> raw)
    {
        var connect = frame.Command is StompCommand.Connect or StompCommand.Stomp;
        if (!execution.Session.Connected && !connect)
        {
            Fail(execution, frame, "not connected", $"{frame.Command.GetName()} arrived before CONNECT; send CONNECT (or STOMP) first.");
            return;
        }

        if (execution.Session.Connected && connect)
        {
            Fail(execution, frame, "already connected", "A second CONNECT on an established session is not allowed.");
            return;
        }

        try
        {
            // Without middleware no context object is needed: the hot path allocates none.
            var pipeline = Handlers.Pipeline;
            if (pipeline is null)
            {
                await DispatchAsync(execution, frame, raw).ConfigureAwait(false);
            }
            else
            {
                var context = new StompFrameContext(this, execution, frame) { Raw = raw };
                await pipeline(context).ConfigureAwait(false);
                if (context.IsRejected && !execution.ErrorSent)
                {
                    Fail(execution, frame, context.RejectionMessage!, context.RejectionDetails);
                }
            }
        }
        catch (StompStoreUnavailableException ex)
        {
            Log.StoreUnavailable(_logger, ex, execution.ConnectionId);
            Fail(execution, frame, "service unavailable", "The server's state store is unavailable; nothing of this frame was done after the failure. Reconnect and retry.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FrameFailed(_logger, ex, execution.ConnectionId, frame.Command.GetName());
            Fail(execution, frame, "internal server error", "The server failed while handling this frame.");
        }

        if (execution.ErrorSent || connect)
        {
            return;
        }

        if (frame.Headers.TryGetValue("receipt"u8, out var receipt))
        {
            ServerFrames.WriteReceipt(execution.Reply, execution.Version, receipt);
        }

        execution.FlushAfterReceipt();
    }

    /// <summary>The end of the middleware pipeline: the command's own handling.</summary>
    internal ValueTask DispatchAsync(StompFrameContext context) => DispatchAsync(context.Execution, context.Frame, context.Raw);

    private ValueTask DispatchAsync(MessageExecution execution, StompFrame frame, ReadOnlyMemory<byte> raw) =>
        frame.Command switch
        {
            StompCommand.Connect or StompCommand.Stomp => HandleConnectFrameAsync(execution, frame),
            StompCommand.Send => HandleSendAsync(execution, frame, raw),
            StompCommand.Subscribe => HandleSubscribeAsync(execution, frame),
            StompCommand.Unsubscribe => HandleUnsubscribeAsync(execution, frame),
            StompCommand.Ack or StompCommand.Nack => HandleAckAsync(execution, frame, raw),
            StompCommand.Begin => HandleBegin(execution, frame),
            StompCommand.Commit => HandleCommitAsync(execution, frame),
            StompCommand.Abort => HandleAbort(execution, frame),
            StompCommand.Disconnect => HandleDisconnectFrame(execution),
            _ => Unexpected(execution, frame),
        };

    /// <summary>Writes an ERROR for the frame (with its <c>receipt-id</c>) and marks the connection for closing.</summary>
    private void Fail(MessageExecution execution, in StompFrame frame, string message, string? details, string? versionList = null)
    {
        if (execution.ErrorSent)
        {
            return;
        }

        frame.Headers.TryGetValue("receipt"u8, out var receipt);
        Log.FrameRejected(_logger, execution.ConnectionId, frame.Command == StompCommand.None ? "(unparsed)" : frame.Command.GetName(), message);
        ServerFrames.WriteError(execution.Reply, execution.Version, message, receipt, details, versionList);
        execution.MarkError(message);
    }

    private ValueTask Unexpected(MessageExecution execution, in StompFrame frame)
    {
        Fail(execution, frame, "unexpected command", $"{frame.Command.GetName()} is not a command a client may send.");
        return ValueTask.CompletedTask;
    }

    private static ValueTask HandleDisconnectFrame(MessageExecution execution)
    {
        // Open transactions are aborted; subscriptions are cleaned up by the disconnected event, whose state still lists them.
        if (execution.Session.HasTransactions)
        {
            execution.Session.Transactions.Clear();
            execution.StateChanged = true;
        }

        execution.Close("client sent DISCONNECT");
        return ValueTask.CompletedTask;
    }
}
