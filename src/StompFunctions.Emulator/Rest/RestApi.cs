using Microsoft.AspNetCore.Http.Features;
using StompFunctions.Emulator.Auth;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// The data-plane REST API under <c>/api/hubs/{hub}/</c> (webpubsub-protocol.md §3): authentication, then
/// <c>api-version</c>, then the operation. Every failure is a 4xx with the service's error body; an
/// unexpected exception is logged and answered 500 with the same shape rather than escaping.
/// </summary>
internal sealed partial class RestApi(HubRegistry hubs, RestAuthenticator authenticator, EmulatorEndpoint endpoint, TimeProvider time, ILogger<RestApi> logger)
{
    private const string HubsPrefix = "/api/hubs/";

    private delegate Task Operation(RestCall call);

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
            await ServiceError.WriteAsync(context, ex.StatusCode, "BadRequest", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            Log.OperationFailed(logger, ex);
            await ServiceError.WriteAsync(context, StatusCodes.Status500InternalServerError, "InternalServerError", "The emulator failed to process the request.");
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var segments = PathSegments(context);
        if (segments is null || segments.Count < 2)
        {
            await ServiceError.WriteAsync(context, StatusCodes.Status404NotFound, "NotFound", "No data-plane operation has this path.");
            return;
        }

        var operation = Find(context.Request.Method, RestRoute.Shape(segments.Skip(1).ToList()), out var pathKnown);
        if (operation is null)
        {
            await (pathKnown
                ? ServiceError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"{context.Request.Method} is not allowed on this path.")
                : ServiceError.WriteAsync(context, StatusCodes.Status404NotFound, "NotFound", "No data-plane operation has this path."));
            return;
        }

        if (!authenticator.TryAuthenticate(context.Request, out var authError))
        {
            Log.Unauthorized(logger, authError);
            await ServiceError.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", authError);
            return;
        }

        var version = context.Request.Query["api-version"].ToString();
        if (version.Length == 0 || !ApiVersions.IsKnown(version))
        {
            await ServiceError.WriteAsync(context, StatusCodes.Status400BadRequest, "UnsupportedApiVersion", $"The api-version query parameter is required and must be one of: {ApiVersions.KnownList}.", "api-version");
            return;
        }

        var hub = segments[0];
        if (!NameRules.IsValidHub(hub))
        {
            await ServiceError.WriteAsync(context, StatusCodes.Status400BadRequest, "BadRequest", "The hub name is invalid.", "hub");
            return;
        }

        if (!hubs.TryGetSettings(hub, out _))
        {
            await ServiceError.WriteAsync(context, StatusCodes.Status404NotFound, "HubNotFound", $"The hub '{hub}' is not configured in this emulator.", "hub");
            return;
        }

        await operation(new RestCall(context, hub, hubs.GetState(hub), segments.Skip(1).ToList(), version));
    }

    private Operation? Find(string method, string shape, out bool pathKnown)
    {
        pathKnown = true;
        return (shape, method) switch
        {
            (":send", "POST") => SendToAllAsync,
            (":closeConnections", "POST") => CloseAllAsync,
            (":generateToken", "POST") => GenerateTokenAsync,
            (":addToGroups", "POST") => call => ChangeGroupsByFilterAsync(call, add: true),
            (":removeFromGroups", "POST") => call => ChangeGroupsByFilterAsync(call, add: false),
            ("connections/{}", "HEAD") => ConnectionExistsAsync,
            ("connections/{}", "DELETE") => CloseConnectionAsync,
            ("connections/{}/:send", "POST") => SendToConnectionAsync,
            ("connections/{}/groups", "DELETE") => RemoveConnectionFromAllGroupsAsync,
            ("groups/{}", "HEAD") => GroupExistsAsync,
            ("groups/{}/:send", "POST") => SendToGroupAsync,
            ("groups/{}/:closeConnections", "POST") => CloseGroupAsync,
            ("groups/{}/connections", "GET") => ListGroupConnectionsAsync,
            ("groups/{}/connections/{}", "PUT") => AddConnectionToGroupAsync,
            ("groups/{}/connections/{}", "DELETE") => RemoveConnectionFromGroupAsync,
            ("users/{}", "HEAD") => UserExistsAsync,
            ("users/{}/:send", "POST") => SendToUserAsync,
            ("users/{}/:closeConnections", "POST") => CloseUserAsync,
            ("users/{}/groups", "DELETE") => RemoveUserFromAllGroupsAsync,
            ("users/{}/groups/{}", "PUT") => AddUserToGroupAsync,
            ("users/{}/groups/{}", "DELETE") => RemoveUserFromGroupAsync,
            ("permissions/{}/connections/{}", "PUT") => GrantPermissionAsync,
            ("permissions/{}/connections/{}", "DELETE") => RevokePermissionAsync,
            ("permissions/{}/connections/{}", "HEAD") => CheckPermissionAsync,
            _ => NotFound(shape, out pathKnown),
        };
    }

    private static Operation? NotFound(string shape, out bool pathKnown)
    {
        pathKnown = shape is ":send" or ":closeConnections" or ":generateToken" or ":addToGroups" or ":removeFromGroups"
            or "connections/{}" or "connections/{}/:send" or "connections/{}/groups" or "groups/{}" or "groups/{}/:send"
            or "groups/{}/:closeConnections" or "groups/{}/connections" or "groups/{}/connections/{}" or "users/{}"
            or "users/{}/:send" or "users/{}/:closeConnections" or "users/{}/groups" or "users/{}/groups/{}"
            or "permissions/{}/connections/{}";
        return null;
    }

    /// <summary>
    /// Segments after <c>/api/hubs/</c>, each URL-decoded on its own from the raw target, so that an escaped
    /// <c>/</c> inside a group or user name stays part of the name.
    /// </summary>
    private static List<string>? PathSegments(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? raw : raw[..queryStart];
        var prefixAt = path.IndexOf(HubsPrefix, StringComparison.OrdinalIgnoreCase);
        if (prefixAt < 0)
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in path[(prefixAt + HubsPrefix.Length)..].Split('/'))
        {
            if (segment.Length == 0)
            {
                return null;
            }

            segments.Add(Uri.UnescapeDataString(segment));
        }

        return segments;
    }
}
