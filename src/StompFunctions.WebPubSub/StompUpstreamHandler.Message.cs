using Microsoft.AspNetCore.Http;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.WebPubSub;

public sealed partial class StompUpstreamHandler
{
    /// <summary>The service's WebSocket message limit is 1 MB (webpubsub-protocol.md §5); a little slack for rounding.</summary>
    private const int MaxMessageBytes = (1024 * 1024) + (64 * 1024);

    /// <summary>
    /// The blocking <c>message</c> event: the engine handles the payload (frames, heart-beats, or part of a frame it
    /// keeps in the connection state); the reply frames go back in the body (text/plain, or application/octet-stream
    /// when a body is not UTF-8) with the new <c>ce-connectionState</c>. Status is 200 even for protocol errors: a non-2xx
    /// answer makes the service drop the socket without delivering the ERROR frame, so the close is requested through
    /// the REST API only after the answer has been sent.
    /// </summary>
    private async Task HandleUserEventAsync(HttpContext context, UpstreamEvent upstreamEvent)
    {
        if (!string.Equals(upstreamEvent.EventName, "message", StringComparison.Ordinal))
        {
            Log.UnsupportedUserEvent(_logger, upstreamEvent.ConnectionId);
            await WriteProblemAsync(context, UpstreamProblem.NotAMessageEvent).ConfigureAwait(false);
            return;
        }

        var payload = await UpstreamBody.ReadAsync(context.Request, MaxMessageBytes, context.RequestAborted).ConfigureAwait(false);
        if (payload is null)
        {
            await WriteReplyAndCloseAsync(context, upstreamEvent, ErrorFrames.TooLarge, PayloadKind.Text, "frame too large").ConfigureAwait(false);
            return;
        }

        StompMessageResult result;
        try
        {
            var inbound = new StompInboundMessage(
                upstreamEvent.ConnectionId,
                upstreamEvent.UserId,
                upstreamEvent.ConnectionState,
                payload.Value,
                PayloadKindOf(context.Request.ContentType),
                upstreamEvent.Subprotocol);
            result = await _engine.HandleMessageAsync(inbound, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The service gave up on this call; nobody is listening for an answer.
            return;
        }
        catch (Exception e)
        {
            // The state header is left out, so the service keeps the state of the last good event: nothing accepted is lost.
            Log.MessageFailed(_logger, e, upstreamEvent.ConnectionId);
            await WriteReplyAndCloseAsync(context, upstreamEvent, ErrorFrames.Internal, PayloadKind.Text, "internal server error").ConfigureAwait(false);
            return;
        }

        if (result.ConnectionStateChanged)
        {
            context.Response.Headers[CloudEventHeaders.ConnectionState] = SealState(upstreamEvent.ConnectionId, result.ConnectionState);
        }

        await WriteReplyAndCloseAsync(context, upstreamEvent, result.Reply, result.ReplyKind, result.CloseReason).ConfigureAwait(false);
    }

    private async Task WriteReplyAndCloseAsync(HttpContext context, UpstreamEvent upstreamEvent, ReadOnlyMemory<byte> reply, PayloadKind kind, string? closeReason)
    {
        if (closeReason is not null)
        {
            var connectionId = upstreamEvent.ConnectionId;
            context.Response.OnCompleted(() => CloseAfterReplyAsync(connectionId, closeReason));
        }

        if (reply.IsEmpty)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = kind == PayloadKind.Binary ? WebPubSubContentTypes.Binary : WebPubSubContentTypes.Text;
        context.Response.ContentLength = reply.Length;
        await context.Response.Body.WriteAsync(reply, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Runs once the answer is on the wire, so the ERROR frame travels before the close (STOMP-S19, S58).</summary>
    private async Task CloseAfterReplyAsync(string connectionId, string reason)
    {
        try
        {
            if (_options.CloseAfterReplyDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.CloseAfterReplyDelay, _timeProvider).ConfigureAwait(false);
            }

            await _gateway.CloseConnectionAsync(connectionId, reason, CancellationToken.None).ConfigureAwait(false);
            Log.ConnectionClosed(_logger, connectionId, reason);
        }
        catch (Exception e)
        {
            // The response is gone; a failed close only leaves a socket the client will drop after the ERROR anyway.
            Log.CloseFailed(_logger, e, connectionId);
        }
    }

    /// <summary>Text frames arrive as text/plain, binary ones as application/octet-stream (webpubsub-protocol.md §1.3).</summary>
    private static PayloadKind PayloadKindOf(string? contentType) =>
        contentType is not null && contentType.StartsWith(WebPubSubContentTypes.Binary, StringComparison.OrdinalIgnoreCase)
            ? PayloadKind.Binary
            : PayloadKind.Text;
}
