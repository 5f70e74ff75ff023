using StompFunctions.Emulator.Auth;
using StompFunctions.Emulator.Connections;
using StompFunctions.Emulator.Hubs;
using StompFunctions.Emulator.Rest;
using StompFunctions.Emulator.Upstream;

namespace StompFunctions.Emulator.Client;

/// <summary>
/// The client WebSocket endpoint <c>/client/hubs/{hub}</c> (or <c>/client/?hub=</c>): token or anonymous
/// policy, the blocking <c>connect</c> event, the handshake with the chosen subprotocol, then the session.
/// </summary>
internal sealed partial class ClientEndpoint(
    HubRegistry hubs,
    ClientTokenValidator tokens,
    UpstreamClient upstream,
    ClientSessionRunner sessions,
    ILogger<ClientEndpoint> logger)
{
    /// <summary>A refusal's reason fits in a line or two; anything longer is not a message for a client.</summary>
    private const int MaxForwardedRejectionBytes = 4096;

    public async Task HandleAsync(HttpContext context)
    {
        var hub = context.Request.RouteValues["hub"] as string ?? context.Request.Query["hub"].ToString();
        if (string.IsNullOrEmpty(hub) || !NameRules.IsValidHub(hub))
        {
            await ServiceError.WriteAsync(context, EmulatorError.HubNameMissingOrInvalid);
            return;
        }

        if (!hubs.TryGetSettings(hub, out var settings))
        {
            await ServiceError.WriteAsync(context, EmulatorError.HubNotFound, hub);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ServiceError.WriteAsync(context, EmulatorError.WebSocketRequired);
            return;
        }

        var claims = ClientClaims.Anonymous;
        var token = ReadToken(context.Request);
        if (token is null)
        {
            if (settings.AnonymousConnectPolicy != AnonymousConnectPolicy.Allow)
            {
                await ServiceError.WriteAsync(context, EmulatorError.AnonymousNotAllowed);
                return;
            }
        }
        else if (!tokens.TryValidate(token, hub, out claims, out var error))
        {
            Log.TokenRejected(logger, hub, error);
            await ServiceError.WriteAsync(context, error);
            return;
        }

        var handshake = await ConnectAsync(context, hub, settings, claims);
        if (handshake is null)
        {
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = handshake.Subprotocol,
            KeepAliveInterval = TimeSpan.FromSeconds(Math.Clamp(settings.WebSocketKeepAliveIntervalInSeconds, 1, 120)),
        });

        var connection = new ClientConnection(hubs.GetState(hub).Name, handshake.ConnectionId, handshake.UserId, handshake.Roles, handshake.Subprotocol, handshake.State, socket, hubs.Options.MaxQueuedBytesPerConnection);
        await sessions.RunAsync(settings, connection, socket, handshake.Groups, context.RequestAborted);
    }

    /// <summary>Runs the <c>connect</c> event; null when the handshake was refused (the answer is already written).</summary>
    private async Task<Handshake?> ConnectAsync(HttpContext context, string hub, EmulatorHubOptions settings, ClientClaims claims)
    {
        var connectionId = ConnectionIds.Create();
        var offered = context.WebSockets.WebSocketRequestedProtocols.ToList();
        var handshake = new Handshake(connectionId, claims.UserId, claims.Roles, claims.Groups, null, null);
        if (!UpstreamClient.HasHandler(settings, "connect", isSystemEvent: true))
        {
            return handshake;
        }

        var body = ConnectEventBody.Write(claims, context.Request, offered);
        var connectEvent = new UpstreamEvent(hub, connectionId, claims.UserId, null, null, 0, "connect", true, body, "application/json");
        var answer = await upstream.SendAsync(settings, connectEvent, context.RequestAborted);
        if (answer.Outcome != UpstreamOutcome.Answered)
        {
            await ServiceError.WriteAsync(context, EmulatorError.ConnectHandlerUnreachable);
            return null;
        }

        if (answer.StatusCode is >= 400 and < 500)
        {
            // The handler's 4xx is the answer to the client's upgrade request, its reason included (a short body only).
            Log.ConnectRejected(logger, hub, answer.StatusCode);
            context.Response.StatusCode = answer.StatusCode;
            if (answer.Body.Length is > 0 and <= MaxForwardedRejectionBytes)
            {
                context.Response.ContentType = answer.ContentType?.ToString() ?? "text/plain";
                await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
            }

            return null;
        }

        if (!answer.IsSuccess || !ConnectAnswer.TryParse(answer.Body, out var parsed))
        {
            Log.ConnectFailed(logger, hub, answer.StatusCode);
            await ServiceError.WriteAsync(context, EmulatorError.ConnectHandlerFailed);
            return null;
        }

        if (parsed.Subprotocol is { } chosen && !offered.Contains(chosen, StringComparer.Ordinal))
        {
            Log.SubprotocolNotOffered(logger, hub);
            await ServiceError.WriteAsync(context, EmulatorError.ConnectHandlerSubprotocolNotOffered);
            return null;
        }

        return handshake with
        {
            UserId = parsed.HasUserId ? parsed.UserId : handshake.UserId,
            Roles = parsed.Roles ?? handshake.Roles,
            Groups = parsed.Groups is { Count: > 0 } groups ? groups : handshake.Groups,
            Subprotocol = parsed.Subprotocol,
            State = answer.HasState ? answer.State : null,
        };
    }

    private static string? ReadToken(HttpRequest request)
    {
        var query = request.Query["access_token"].ToString();
        if (query.Length > 0)
        {
            return query;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private sealed record Handshake(string ConnectionId, string? UserId, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups, string? Subprotocol, string? State);
}
