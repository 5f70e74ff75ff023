using StompFunctions.Emulator.Auth;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// The data-plane REST API under <c>/api/hubs/{hub}/</c> (webpubsub-protocol.md §3): authentication, then
/// <c>api-version</c>, then the operation. Every failure is a 4xx with the service's error body; an
/// unexpected exception is logged and answered 500 with the same shape rather than escaping.
/// </summary>
internal sealed partial class RestApi
{
    private readonly HubRegistry _hubs;
    private readonly RestAuthenticator _authenticator;
    private readonly ILogger<RestApi> _logger;
    private readonly RestRoutes _routes;

    // The hub of the last call that found one: calls name the same hub again and again, so its text is reused.
    private string? _lastHub;

    public RestApi(HubRegistry hubs, RestAuthenticator authenticator, EmulatorEndpoint endpoint, TimeProvider time, ILogger<RestApi> logger)
    {
        _hubs = hubs;
        _authenticator = authenticator;
        _logger = logger;
        _routes = new RestRoutes(new SendEndpoints(hubs, logger), new GroupsByFilterEndpoint(hubs), new TokenEndpoint(hubs, endpoint, time));
    }

    /// <summary><c>HEAD|GET /api/health</c>: no authentication and no api-version needed, as in Microsoft's emulator.</summary>
    public static Task HealthAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await DispatchAsync(context);
        }
        catch (BadHttpRequestException ex)
        {
            await ServiceError.RequestRejectedAsync(context, ex.StatusCode, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            Log.OperationFailed(_logger, ex);
            await ServiceError.WriteAsync(context, EmulatorError.InternalError);
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        if (!RestPath.TryRead(context, out var path) || path.Count < 2)
        {
            await NoOperationAsync(context);
            return;
        }

        var operation = _routes.Find(context.Request.Method, path, out var pathKnown);
        if (operation is null)
        {
            await (pathKnown
                ? ServiceError.WriteAsync(context, EmulatorError.MethodNotAllowed, context.Request.Method)
                : NoOperationAsync(context));
            return;
        }

        if (!_authenticator.TryAuthenticate(context.Request, out var authError))
        {
            Log.Unauthorized(_logger, authError);
            await ServiceError.WriteAsync(context, authError);
            return;
        }

        if (ReadApiVersion(context.Request) is not { } version)
        {
            await ServiceError.WriteAsync(context, EmulatorError.ApiVersionInvalid, ApiVersions.KnownList);
            return;
        }

        var hub = path.Decode(0, _lastHub);
        if (!NameRules.IsValidHub(hub))
        {
            await ServiceError.WriteAsync(context, EmulatorError.HubNameInvalid);
            return;
        }

        if (!_hubs.TryGetSettings(hub, out _))
        {
            await ServiceError.WriteAsync(context, EmulatorError.HubNotFound, hub);
            return;
        }

        _lastHub = hub;

        var first = path.Count > 2 ? path.Decode(2) : null;
        var second = path.Count > 4 ? path.Decode(4) : null;
        await operation(new RestCall(context, hub, _hubs.GetState(hub), version, first, second));
    }

    /// <summary>The <c>api-version</c> when given once and known (a repeated one is as invalid as an unknown one).</summary>
    private static string? ReadApiVersion(HttpRequest request) =>
        RestQuery.TryGetSingle(request.QueryString, "api-version", out var version) ? ApiVersions.Find(version.Span) : null;

    private static Task NoOperationAsync(HttpContext context) =>
        ServiceError.WriteAsync(context, EmulatorError.NoSuchOperation);
}
