using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.WebPubSub;

/// <summary>
/// Serves Web PubSub's upstream calls for the STOMP hub: the abuse-protection <c>OPTIONS</c> preflight and the
/// CloudEvents <c>connect</c>, <c>connected</c>, <c>message</c> and <c>disconnected</c> POSTs
/// (webpubsub-protocol.md §2). It fails closed: an event whose <c>ce-signature</c> matches neither access key is
/// answered 401 before anything is read or changed. <c>MapStompUpstream</c> maps it; an Azure Functions HTTP
/// trigger calls <see cref="HandleAsync"/> with its <see cref="HttpContext"/>.
/// </summary>
public sealed partial class StompUpstreamHandler
{
    private readonly StompEngine _engine;
    private readonly IConnectionGateway _gateway;
    private readonly WebPubSubGatewayOptions _options;
    private readonly SignatureValidator _signatures;
    private readonly ConnectionStateSeal _stateSeal;
    private readonly AbuseProtection _abuseProtection;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the handler; normally resolved from DI after <c>AddStomp().AddWebPubSubGateway()</c>.</summary>
    public StompUpstreamHandler(
        StompEngine engine,
        IConnectionGateway gateway,
        IOptions<WebPubSubGatewayOptions> options,
        TimeProvider timeProvider,
        ILogger<StompUpstreamHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options.Value;
        var settings = WebPubSubSettings.From(_options);
        _signatures = new SignatureValidator(settings.AccessKeys);
        _stateSeal = new ConnectionStateSeal(settings.AccessKeys);
        _abuseProtection = new AbuseProtection(settings.AllowedOrigins);
        if (_options.DisableSignatureValidation)
        {
            Log.SignatureValidationDisabled(_logger);
        }
        else if (!_signatures.HasKeys)
        {
            Log.NoSignatureKeys(_logger);
        }
    }

    /// <summary>Answers one upstream request completely (status, headers, body); never throws for bad input.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method))
        {
            await AnswerPreflightAsync(context).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST, OPTIONS";
            await WriteProblemAsync(context, UpstreamProblem.MethodNotAllowed).ConfigureAwait(false);
            return;
        }

        if (!UpstreamEvent.TryParse(request.Headers, _options.UserIdHeaderFormat, out var upstreamEvent, out var error))
        {
            await WriteProblemAsync(context, error.Value).ConfigureAwait(false);
            return;
        }

        if (!await IsAuthenticAsync(context, upstreamEvent).ConfigureAwait(false))
        {
            return;
        }

        if (upstreamEvent.ConnectionState is { } sealedState && _stateSeal.IsActive)
        {
            if (!_stateSeal.TryOpen(upstreamEvent.ConnectionId, sealedState, out var state))
            {
                Log.StateRejected(_logger, upstreamEvent.EventName, upstreamEvent.ConnectionId);
                await WriteProblemAsync(context, UpstreamProblem.StateNotIssued).ConfigureAwait(false);
                return;
            }

            upstreamEvent = upstreamEvent.WithConnectionState(state);
        }

        switch (upstreamEvent.Kind)
        {
            case UpstreamEventKind.Connect:
                await HandleConnectAsync(context, upstreamEvent).ConfigureAwait(false);
                break;
            case UpstreamEventKind.Connected:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case UpstreamEventKind.User:
                await HandleUserEventAsync(context, upstreamEvent).ConfigureAwait(false);
                break;
            case UpstreamEventKind.Disconnected:
                await HandleDisconnectedAsync(context, upstreamEvent).ConfigureAwait(false);
                break;
            default:
                await WriteProblemAsync(context, UpstreamProblem.UnknownEvent).ConfigureAwait(false);
                break;
        }
    }

    private async Task AnswerPreflightAsync(HttpContext context)
    {
        var result = _abuseProtection.Check(context.Request.Headers[CloudEventHeaders.RequestOrigin].ToString());
        if (result.Problem is not null)
        {
            Log.PreflightRejected(_logger, result.StatusCode);
            await WriteProblemAsync(context, result.Problem.Value).ConfigureAwait(false);
            return;
        }

        context.Response.Headers[CloudEventHeaders.AllowedOrigin] = result.AllowedOrigin;
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The signature proves the service sent the event for this connection id; the hub must be ours.</summary>
    private async ValueTask<bool> IsAuthenticAsync(HttpContext context, UpstreamEvent upstreamEvent)
    {
        if (!_options.DisableSignatureValidation && !_signatures.IsValid(upstreamEvent.ConnectionId, upstreamEvent.Signature))
        {
            Log.SignatureRejected(_logger, upstreamEvent.EventName, upstreamEvent.ConnectionId);
            await WriteProblemAsync(context, UpstreamProblem.SignatureMismatch).ConfigureAwait(false);
            return false;
        }

        if (_options.DisableSignatureValidation)
        {
            Log.UnverifiedEventAccepted(_logger, upstreamEvent.EventName, upstreamEvent.ConnectionId);
        }

        // Hub names are compared case-insensitively: the service's own SDKs do, and the emulator lowercases them.
        if (!string.Equals(upstreamEvent.Hub, _options.Hub, StringComparison.OrdinalIgnoreCase))
        {
            Log.WrongHub(_logger, upstreamEvent.Hub);
            await WriteProblemAsync(context, UpstreamProblem.WrongHub).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>The value of the <c>ce-connectionState</c> answer header: sealed for this connection, or empty to clear it.</summary>
    private string SealState(string connectionId, string state) =>
        state.Length == 0 || !_stateSeal.IsActive ? state : _stateSeal.Seal(connectionId, state);

    private static Task WriteProblemAsync(HttpContext context, UpstreamProblem problem, params ReadOnlySpan<object?> args) =>
        WriteTextAsync(context, UpstreamProblems.Status(problem), UpstreamProblems.Message(problem, args));

    private static async Task WriteTextAsync(HttpContext context, int statusCode, string text)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }
}
