using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StompFunctions.WebPubSub.ClientAuthentication;

namespace StompFunctions.WebPubSub.ClientAccess;

/// <summary>
/// The negotiate endpoint: answers <c>{"url":"wss://…/client/hubs/{hub}?access_token=…"}</c> like the official
/// negotiate pattern, for the caller <see cref="IStompClientAuthenticator"/> accepts: the token carries its user id
/// and roles (null user = an anonymous connection, only when allowed). Refused callers get 401 (403, 503) with a
/// plain-text body saying why. <c>MapStompNegotiate</c> maps it; an Azure Functions HTTP trigger calls
/// <see cref="HandleAsync"/> with its context.
/// </summary>
public sealed partial class StompNegotiateHandler
{
    private readonly WebPubSubRestClient _client;
    private readonly IStompClientAuthenticator _authenticator;
    private readonly WebPubSubGatewayOptions _options;
    private readonly ILogger _logger;

    public StompNegotiateHandler(WebPubSubRestClient client, IStompClientAuthenticator authenticator, IOptions<WebPubSubGatewayOptions> options, ILogger<StompNegotiateHandler> logger)
    {
        _client = client;
        _authenticator = authenticator;
        _options = options.Value;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        // Tokens are per user and short-lived: no cache may keep or share them.
        context.Response.Headers.CacheControl = "no-store";
        Uri url;
        try
        {
            var authentication = await _authenticator.AuthenticateAsync(context).ConfigureAwait(false);
            if (authentication.Identity is not { } identity)
            {
                await RefuseAsync(context, authentication.Failure!.Value).ConfigureAwait(false);
                return;
            }

            if (!UserIds.IsAcceptable(identity.UserId))
            {
                Log.UserIdRefused(_logger);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(UserIds.ControlCharacterMessage, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            url = await _client.GetClientAccessUriAsync(identity.UserId, [.. _options.ClientRoles, .. identity.Roles], groups: null, _options.ClientTokenLifetime, context.RequestAborted).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            Log.TokenRequestFailed(_logger, e, e.Status);
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            await context.Response.WriteAsync("Web PubSub did not issue a client token.", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Most likely the application's user-id hook; the client gets a plain answer, the log gets the details.
            Log.NegotiateFailed(_logger, e);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("The server could not prepare a client access URL.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter.AsStream());
        json.WriteStartObject();
        json.WriteString("url"u8, url.AbsoluteUri);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, ClientAuthenticationFailure failure)
    {
        Log.CallerRefused(_logger, failure);
        context.Response.StatusCode = ClientAuthenticationMessages.StatusCode(failure);
        if (ClientAuthenticationMessages.Challenge(failure) is { } challenge)
        {
            context.Response.Headers.WWWAuthenticate = challenge;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(ClientAuthenticationMessages.Message(failure), context.RequestAborted).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(3103, LogLevel.Debug, "Negotiate refused a caller: {Failure}.", EventName = nameof(CallerRefused))]
        public static partial void CallerRefused(ILogger logger, ClientAuthenticationFailure failure);

        [LoggerMessage(3100, LogLevel.Error, "Web PubSub refused to issue a client token ({Status}).", EventName = nameof(TokenRequestFailed))]
        public static partial void TokenRequestFailed(ILogger logger, Exception exception, int status);

        [LoggerMessage(3101, LogLevel.Error, "Preparing a client access URL failed.", EventName = nameof(NegotiateFailed))]
        public static partial void NegotiateFailed(ILogger logger, Exception exception);

        [LoggerMessage(3102, LogLevel.Information, "Refused a negotiate request: its user id contains a control character.", EventName = nameof(UserIdRefused))]
        public static partial void UserIdRefused(ILogger logger);
    }
}
