using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StompFunctions.WebPubSub.ClientAccess;
using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.WebPubSub;

public sealed partial class StompUpstreamHandler
{
    /// <summary>The connect body holds claims, query, headers and certificates; far below this in practice.</summary>
    private const int MaxConnectBodyBytes = 256 * 1024;

    /// <summary>
    /// The blocking <c>connect</c> event (webpubsub-protocol.md §2.6): chooses the highest <c>vNN.stomp</c> subprotocol
    /// the engine supports, lets the hook settle the user or refuse, and answers 200 JSON. A client that offered
    /// subprotocols but no STOMP one is refused with 400 and a body naming the accepted ones: without a subprotocol
    /// the service would fall back to its own JSON protocol and wrap every frame. A client that offers none at all is
    /// a simple WebSocket client to Web PubSub (frames reach us verbatim), so it is accepted and CONNECT negotiates.
    /// </summary>
    private async Task HandleConnectAsync(HttpContext context, UpstreamEvent upstreamEvent)
    {
        var body = await ConnectEventBody.ReadAsync(context.Request, MaxConnectBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await WriteProblemAsync(context, UpstreamProblem.ConnectBodyInvalid).ConfigureAwait(false);
            return;
        }

        var negotiated = _engine.HandleConnect(body.Subprotocols);
        var subprotocol = negotiated.Subprotocol;
        if (subprotocol is null && body.Subprotocols.Count > 0)
        {
            Log.NoStompSubprotocol(_logger, upstreamEvent.ConnectionId);
            await WriteProblemAsync(context, UpstreamProblem.NoStompSubprotocol, string.Join(", ", negotiated.Accepted)).ConfigureAwait(false);
            return;
        }

        var connect = new WebPubSubConnectContext(
            context,
            upstreamEvent.Hub,
            upstreamEvent.ConnectionId,
            upstreamEvent.UserId ?? body.Subject,
            body.Claims,
            body.Query,
            body.Headers,
            body.Subprotocols,
            subprotocol,
            body.ApplicationRoles);
        if (_options.OnConnect is { } hook)
        {
            try
            {
                await hook(connect).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                Log.ConnectHookFailed(_logger, e, upstreamEvent.ConnectionId);
                await WriteProblemAsync(context, UpstreamProblem.ConnectUndecided).ConfigureAwait(false);
                return;
            }
        }

        if (!UserIds.IsAcceptable(connect.UserId))
        {
            connect.Reject(StatusCodes.Status400BadRequest, UserIds.ControlCharacterMessage);
        }

        if (connect.RejectionStatus is { } status)
        {
            Log.ConnectRejected(_logger, upstreamEvent.ConnectionId, status);
            await WriteTextAsync(context, status, connect.RejectionMessage!).ConfigureAwait(false);
            return;
        }

        await WriteConnectResponseAsync(context, connect).ConfigureAwait(false);
    }

    private async Task WriteConnectResponseAsync(HttpContext context, WebPubSubConnectContext connect)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;

        // The session starts with the token's roles; only the server sets connection state (sealed), so clients cannot choose them.
        if (_engine.CreateConnectionState(connect.SessionRoles) is { } state)
        {
            context.Response.Headers[CloudEventHeaders.ConnectionState] = SealState(connect.ConnectionId, state);
        }

        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter.AsStream());
        json.WriteStartObject();

        // A blank subprotocol is invalid: the property is omitted when none is chosen (webpubsub-protocol.md §1.2).
        if (connect.Subprotocol is not null)
        {
            json.WriteString("subprotocol"u8, connect.Subprotocol);
        }

        if (connect.UserId is not null)
        {
            json.WriteString("userId"u8, connect.UserId);
        }

        WriteArray(json, "roles"u8, connect.Roles, writeEmpty: true);
        WriteArray(json, "groups"u8, connect.Groups, writeEmpty: false);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>An empty <c>roles</c> clears the token's roles, so it is written when the hook set it; empty groups mean nothing.</summary>
    private static void WriteArray(Utf8JsonWriter json, ReadOnlySpan<byte> name, IList<string>? values, bool writeEmpty)
    {
        if (values is null || (values.Count == 0 && !writeEmpty))
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
