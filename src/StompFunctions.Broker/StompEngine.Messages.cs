using System.Buffers;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

public sealed partial class StompEngine
{
    /// <summary>
    /// Handles one upstream <c>message</c> event: decodes every frame of the payload (completing a frame left
    /// incomplete by the previous message), handles each in order, and returns the frames for the sender,
    /// the new connection state and whether to close. Never throws for bad input or an unavailable store:
    /// those become an ERROR frame and a close.
    /// </summary>
    public async ValueTask<StompMessageResult> HandleMessageAsync(StompInboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(message.ConnectionId);
        SessionState session;
        try
        {
            var loaded = await LoadStateAsync(message.ConnectionId, message.ConnectionState, cancellationToken).ConfigureAwait(false);
            if (loaded is null)
            {
                Log.StateCorrupt(_logger, message.ConnectionId);
                return Refuse(message.ConnectionState, "invalid connection state", "The connection state could not be read; reconnect.");
            }

            session = loaded;
        }
        catch (StompStoreUnavailableException ex)
        {
            Log.StoreUnavailable(_logger, ex, message.ConnectionId);
            return Refuse(message.ConnectionState, "service unavailable", "The server's state store is unavailable; reconnect and retry.");
        }

        using var execution = new MessageExecution(message.ConnectionId, message.UserId, session, message.Subprotocol, cancellationToken);
        await ProcessPayloadAsync(execution, message.Payload).ConfigureAwait(false);
        var state = await SaveStateAsync(execution, message.ConnectionState).ConfigureAwait(false);
        var reply = execution.WrittenReply.IsEmpty ? ReadOnlyMemory<byte>.Empty : execution.WrittenReply.ToArray();
        return new StompMessageResult(
            reply,
            execution.ReplyIsBinary ? PayloadKind.Binary : PayloadKind.Text,
            state,
            execution.StateChanged,
            execution.CloseReason);
    }

    private async ValueTask ProcessPayloadAsync(MessageExecution execution, ReadOnlyMemory<byte> payload)
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
                session.Pending = data[offset..].ToArray();
                execution.StateChanged = true;
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

    /// <summary>Handles every complete frame; returns where the unconsumed tail (an incomplete frame) starts.</summary>
    private async ValueTask<int> ProcessFramesAsync(MessageExecution execution, ReadOnlyMemory<byte> data)
    {
        var offset = 0;

        // Each pass consumes at least one frame or stops, so the payload length bounds the loop.
        while (offset < data.Length && !execution.Closing)
        {
            var reader = new StompFrameReader(execution.Version, _options.Parsing);
            var status = reader.TryRead(data[offset..], out var frame, out var failure, out var consumed);
            if (status == OperationStatus.Done)
            {
                var raw = data.Slice(offset, consumed);
                offset += consumed;
                await ProcessFrameAsync(execution, frame, raw).ConfigureAwait(false);
                continue;
            }

            if (status == OperationStatus.NeedMoreData)
            {
                return offset + consumed;
            }

            Fail(execution, default, failure.Message, $"The frame could not be parsed: {failure.Message}.");
            return data.Length;
        }

        return offset;
    }

    private StompMessageResult Refuse(string? connectionState, string message, string details)
    {
        var output = new ArrayBufferWriter<byte>(256);
        ServerFrames.WriteError(output, StompVersion.V1_2, message, null, details);
        return new StompMessageResult(output.WrittenMemory, PayloadKind.Text, connectionState ?? "", false, "STOMP ERROR: " + message);
    }

    /// <summary>Reads the session from the header value or, when it was spilled, from the store; null when corrupt.</summary>
    private async ValueTask<SessionState?> LoadStateAsync(string connectionId, string? headerValue, CancellationToken cancellationToken)
    {
        if (!SessionStateSerializer.TryParseHeaderValue(headerValue, out var state, out var spillETag))
        {
            return null;
        }

        if (spillETag is null)
        {
            return state;
        }

        var spilled = await _store.ReadSpilledStateAsync(connectionId, cancellationToken).ConfigureAwait(false);
        if (spilled is null || !SessionStateSerializer.TryParseJson(spilled.Data.Span, out state, out _))
        {
            return null;
        }

        state.SpillETag = spilled.ETag;
        return state;
    }

    /// <summary>Serializes a changed session into the header value, spilling it to the store when it is too large.</summary>
    private async ValueTask<string> SaveStateAsync(MessageExecution execution, string? previous)
    {
        if (!execution.StateChanged)
        {
            return previous ?? "";
        }

        var session = execution.Session;
        using var json = new Buffers.PooledBufferWriter(512);
        SessionStateSerializer.WriteJson(session, json);
        if (json.WrittenCount > _options.MaxConnectionStateBytes)
        {
            // The per-item limits normally keep the state far below this; a session past it cannot be kept.
            Fail(execution, default, "session too large", $"The session state would exceed {_options.MaxConnectionStateBytes} bytes; reconnect.");
            return previous ?? "";
        }

        var base64Length = ((json.WrittenCount + 2) / 3) * 4;
        try
        {
            if (base64Length <= _options.ConnectionStateSpillThreshold)
            {
                if (session.SpillETag is not null)
                {
                    await _store.DeleteSpilledStateAsync(execution.ConnectionId, execution.CancellationToken).ConfigureAwait(false);
                }

                return SessionStateSerializer.ToHeaderValue(json.WrittenSpan);
            }

            var written = await _store.WriteSpilledStateAsync(execution.ConnectionId, json.WrittenMemory, null, execution.CancellationToken).ConfigureAwait(false);
            return SessionStateSerializer.SpillPointer(written.ETag!);
        }
        catch (StompStoreUnavailableException ex)
        {
            // Frames were handled but the session cannot be kept: the client must start over.
            Log.StoreUnavailable(_logger, ex, execution.ConnectionId);
            if (!execution.ErrorSent)
            {
                Fail(execution, default, "service unavailable", "The session could not be saved because the state store is unavailable; reconnect.");
            }

            return previous ?? "";
        }
    }
}
