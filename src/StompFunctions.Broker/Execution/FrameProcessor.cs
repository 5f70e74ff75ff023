using System.Buffers;
using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Commands;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Ports;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Execution;

/// <summary>
/// Turns the payload of one upstream message into handled frames: continues a frame split across messages,
/// reads each complete frame, checks it against the session and the protocol's validator, runs the middleware
/// and the command's handler, and writes its RECEIPT. Every failure becomes an ERROR.
/// </summary>
internal sealed class FrameProcessor(StompParseOptions parsing, int maxPendingFrameBytes, CommandDispatcher dispatcher, StompFrameDelegate? pipeline, ContextServices services, ILogger logger)
{
    public async ValueTask ProcessPayloadAsync(MessageExecution execution, ReadOnlyMemory<byte> payload)
    {
        var session = execution.Session;
        byte[]? combined = null;
        var data = payload;
        if (session.Pending is { Length: > 0 } pending)
        {
            // The previous message ended inside a frame: continue it with this one.
            combined = ArrayPool<byte>.Shared.Rent(pending.Length + payload.Length);
            pending.CopyTo(combined, 0);
            payload.Span.CopyTo(combined.AsSpan(pending.Length));
            data = combined.AsMemory(0, pending.Length + payload.Length);
            session.Pending = null;
            execution.StateChanged = true;
        }

        try
        {
            var offset = await ProcessFramesAsync(execution, data).ConfigureAwait(false);
            if (!execution.Closing && offset < data.Length)
            {
                KeepPendingTail(execution, data[offset..]);
            }
        }
        finally
        {
            if (combined is not null)
            {
                ArrayPool<byte>.Shared.Return(combined);
            }
        }
    }

    /// <summary>Keeps an incomplete frame for the next message, unless it is past <see cref="StompBrokerOptions.MaxPendingFrameBytes"/>.</summary>
    private void KeepPendingTail(MessageExecution execution, ReadOnlyMemory<byte> tail)
    {
        if (tail.Length > maxPendingFrameBytes)
        {
            execution.Fail(default, EngineError.PendingFrameTooLarge, maxPendingFrameBytes);
            return;
        }

        execution.Session.Pending = tail.ToArray();
        execution.StateChanged = true;
    }

    /// <summary>Handles every complete frame; returns where the unconsumed tail (an incomplete frame) starts.</summary>
    private async ValueTask<int> ProcessFramesAsync(MessageExecution execution, ReadOnlyMemory<byte> data)
    {
        var offset = 0;

        // Each pass consumes at least one frame or stops, so the payload length bounds the loop.
        while (offset < data.Length && !execution.Closing)
        {
            var reader = new StompFrameReader(execution.Version, parsing);
            var status = reader.TryRead(data[offset..], out var frame, out var failure, out var consumed);
            if (status == OperationStatus.Done)
            {
                var raw = data.Slice(offset, consumed);
                offset += consumed;
                await ProcessFrameAsync(new CommandFrame(execution, frame, raw)).ConfigureAwait(false);
                continue;
            }

            if (status == OperationStatus.NeedMoreData)
            {
                return offset + consumed;
            }

            execution.Fail(default, EngineFailure.Unparsable(failure));
            return data.Length;
        }

        return offset;
    }

    /// <summary>One frame: session checks, validation, middleware, the command, then its RECEIPT.</summary>
    private async ValueTask ProcessFrameAsync(CommandFrame command)
    {
        var execution = command.Execution;
        var frame = command.Frame;
        var connect = frame.Command.IsConnect();
        if (!TryAdmit(command, connect))
        {
            return;
        }

        try
        {
            // Without middleware no context object is needed: the hot path allocates none.
            if (pipeline is null)
            {
                await dispatcher.DispatchAsync(command).ConfigureAwait(false);
            }
            else
            {
                var context = new StompFrameContext(services, execution, frame) { Raw = command.Raw };
                await pipeline(context).ConfigureAwait(false);
                if (context.IsRejected)
                {
                    command.Fail(EngineFailure.Rejected(context.RejectionMessage!, context.RejectionDetails));
                }
            }
        }
        catch (StompStoreUnavailableException ex)
        {
            EngineLog.StoreUnavailable(logger, execution.ConnectionId, ex.Message);
            command.Fail(EngineError.StoreFailedDuringFrame);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EngineLog.FrameFailed(logger, ex, execution.ConnectionId, frame.Command.GetName());
            command.Fail(EngineError.InternalError);
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

    /// <summary>CONNECT exactly once and first; client commands valid for the session's version (server commands are the dispatcher's to refuse).</summary>
    private static bool TryAdmit(CommandFrame command, bool connect)
    {
        var session = command.Session;
        var frame = command.Frame;
        if (!session.Connected && !connect)
        {
            command.Fail(EngineError.NotConnected, frame.Command.GetName());
            return false;
        }

        if (session.Connected && connect)
        {
            command.Fail(EngineError.AlreadyConnected);
            return false;
        }

        if (frame.Command.IsClientCommand() && !FrameValidation.TryValidate(frame, command.Execution.Version, out var invalid))
        {
            command.Fail(invalid);
            return false;
        }

        return true;
    }
}
