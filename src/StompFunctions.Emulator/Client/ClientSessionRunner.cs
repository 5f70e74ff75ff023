using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using StompFunctions.Emulator.Connections;
using StompFunctions.Emulator.Hubs;
using StompFunctions.Emulator.Upstream;

namespace StompFunctions.Emulator.Client;

/// <summary>
/// Runs one accepted connection: joins its groups, fires <c>connected</c>, turns every client message into a
/// blocking <c>message</c> event strictly one at a time (the next message is not read before the answer),
/// returns the answer's body to the sender, and fires <c>disconnected</c> with the reason at the end.
/// </summary>
internal sealed partial class ClientSessionRunner(HubRegistry hubs, UpstreamClient upstream, ILogger<ClientSessionRunner> logger)
{
    private const int ReceiveChunkBytes = 4096;
    private const int RetainedMessageBufferBytes = 64 * 1024;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public async Task RunAsync(EmulatorHubOptions settings, ClientConnection connection, WebSocket socket, IReadOnlyList<string> groups, CancellationToken requestAborted)
    {
        var hub = hubs.GetState(connection.Hub);
        hub.Add(connection, groups.Where(NameRules.IsValidGroup));
        Log.Connected(logger, connection.Hub, connection.ConnectionId);
        FireAndForget(settings, connection, "connected", "{}"u8.ToArray());

        using var receiveCancellation = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, connection.Aborted);
        try
        {
            await ReceiveLoopAsync(settings, connection, socket, receiveCancellation.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            connection.Abort("The connection was lost.");
        }
        finally
        {
            hub.Remove(connection);
            connection.Close(WebSocketCloseStatus.NormalClosure, "", "The connection ended.");
            await FinishSendingAsync(connection);
            await AwaitClientCloseAsync(socket);
            socket.Abort();
            socket.Dispose();
            if (connection.DroppedAsTooSlow)
            {
                Log.SlowClientDropped(logger, connection.Hub, connection.ConnectionId, hubs.Options.MaxQueuedBytesPerConnection);
            }

            Log.Disconnected(logger, connection.Hub, connection.ConnectionId, connection.CloseReason);
            FireAndForget(settings, connection, "disconnected", DisconnectedBody(connection.CloseReason));
        }
    }

    /// <summary>
    /// Reads messages one at a time. Between messages it waits with a zero-byte read, so an idle connection holds
    /// no receive buffer (10,000 idle sockets would otherwise pin 40 MB); a zero-byte result is still processed,
    /// because it may complete an empty message.
    /// </summary>
    private async Task ReceiveLoopAsync(EmulatorHubOptions settings, ClientConnection connection, WebSocket socket, CancellationToken cancellationToken)
    {
        var maxBytes = hubs.Options.MaxMessageBytes;
        var message = new ArrayBufferWriter<byte>();
        byte[]? chunk = null;
        try
        {
            while (true)
            {
                var buffer = chunk ?? Memory<byte>.Empty;
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    connection.Close(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription ?? "", "The client closed the connection.");
                    return;
                }

                if (message.WrittenCount + result.Count > maxBytes)
                {
                    connection.Close(WebSocketCloseStatus.MessageTooBig, $"The message exceeds the limit of {maxBytes} bytes.");
                    return;
                }

                if (!result.EndOfMessage)
                {
                    message.Write(buffer.Span[..result.Count]);
                    chunk ??= ArrayPool<byte>.Shared.Rent(ReceiveChunkBytes);
                    continue;
                }

                message.Write(buffer.Span[..result.Count]);
                if (chunk is not null)
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                    chunk = null;
                }

                if (!await DispatchAsync(settings, connection, message.WrittenMemory, result.MessageType == WebSocketMessageType.Binary, cancellationToken))
                {
                    return;
                }

                // The body was sent and answered before the next read, so the buffer can be reused; a big one is not kept.
                message = message.Capacity > RetainedMessageBufferBytes ? new ArrayBufferWriter<byte>() : message;
                message.ResetWrittenCount();
            }
        }
        finally
        {
            if (chunk is not null)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    /// <summary>One blocking <c>message</c> event; false when the connection must end.</summary>
    private async Task<bool> DispatchAsync(EmulatorHubOptions settings, ClientConnection connection, ReadOnlyMemory<byte> body, bool binary, CancellationToken cancellationToken)
    {
        if (!UpstreamClient.HasHandler(settings, "message", isSystemEvent: false))
        {
            // The service drops a connection whose user event matches no handler; Microsoft's emulator uses 1011.
            connection.Close(WebSocketCloseStatus.InternalServerError, "No event handler is configured for the message event.");
            return false;
        }

        var messageEvent = new UpstreamEvent(
            connection.Hub, connection.ConnectionId, connection.UserId, connection.Subprotocol, connection.State,
            connection.NextEventId(), "message", false, body, binary ? "application/octet-stream" : "text/plain");
        var answer = await upstream.SendAsync(settings, messageEvent, cancellationToken);
        if (!answer.IsSuccess)
        {
            var reason = answer.Outcome == UpstreamOutcome.Answered
                ? $"The message event handler answered {answer.StatusCode}."
                : "The message event handler could not be reached.";
            connection.Close(WebSocketCloseStatus.InternalServerError, reason);
            return false;
        }

        if (answer.HasState)
        {
            connection.State = answer.State;
        }

        if (answer.Body.Length == 0)
        {
            return true;
        }

        switch (answer.ContentType?.MediaType?.ToLowerInvariant())
        {
            case null:
            case "application/octet-stream":
                connection.TrySend(answer.Body, binary: true);
                return true;
            case "text/plain":
            case "application/json":
                connection.TrySend(answer.Body, binary: false);
                return true;
            default:
                Log.UnsupportedAnswerType(logger, connection.ConnectionId);
                connection.Close(WebSocketCloseStatus.InternalServerError, "The message event handler answered an unsupported Content-Type.");
                return false;
        }
    }

    private void FireAndForget(EmulatorHubOptions settings, ClientConnection connection, string eventName, byte[] body)
    {
        if (!UpstreamClient.HasHandler(settings, eventName, isSystemEvent: true))
        {
            return;
        }

        var systemEvent = new UpstreamEvent(
            connection.Hub, connection.ConnectionId, connection.UserId, connection.Subprotocol, connection.State,
            connection.NextEventId(), eventName, true, body, "application/json");

        // Not blocking: the service only logs failures of connected/disconnected (webpubsub-protocol.md §2.5).
        _ = Task.Run(async () =>
        {
            var answer = await upstream.SendAsync(settings, systemEvent, CancellationToken.None);
            if (!answer.IsSuccess)
            {
                Log.NotificationFailed(logger, eventName, connection.ConnectionId, answer.StatusCode);
            }
        });
    }

    private static async Task FinishSendingAsync(ClientConnection connection)
    {
        if (await Task.WhenAny(connection.SendingDone, Task.Delay(CloseHandshakeTimeout)) != connection.SendingDone)
        {
            connection.Abort("The close handshake timed out.");
        }
    }

    /// <summary>
    /// After our close frame, waits (bounded) for the client's: aborting at once would reset the TCP connection,
    /// and a reset can make the client discard the close frame still unread in its buffer, losing the status.
    /// </summary>
    private static async Task AwaitClientCloseAsync(WebSocket socket)
    {
        if (socket.State != WebSocketState.CloseSent)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
        var buffer = new byte[256];
        try
        {
            for (var frames = 0; frames < 1000 && socket.State == WebSocketState.CloseSent; frames++)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client went away without answering; aborting is all that is left.
        }
    }

    private static byte[] DisconnectedBody(string? reason)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (reason is not null)
            {
                writer.WriteString("reason", reason);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
