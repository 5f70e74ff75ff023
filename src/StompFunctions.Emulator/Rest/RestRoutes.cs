namespace StompFunctions.Emulator.Rest;

/// <summary>One data-plane operation, called once the request is authenticated and its hub known.</summary>
internal delegate Task RestOperation(RestCall call);

/// <summary>
/// The data-plane route table: path shape (<see cref="RestPath.TryWriteShape"/>) and HTTP method to the operation of
/// the endpoint group serving that REST area. A request's shape is written into a stack buffer and looked up as a span.
/// </summary>
internal sealed class RestRoutes
{
    // Longer than any shape of the table ("permissions/{}/connections/{}"); a path whose shape does not fit names nothing.
    private const int MaxShapeLength = 64;

    private readonly Dictionary<string, Dictionary<string, RestOperation>> _table = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, RestOperation>>.AlternateLookup<ReadOnlySpan<char>> _byShape;

    public RestRoutes(SendEndpoints send, GroupsByFilterEndpoint groupsByFilter, TokenEndpoint token)
    {
        _byShape = _table.GetAlternateLookup<ReadOnlySpan<char>>();
        Add(":send", "POST", send.ToAllAsync);
        Add(":closeConnections", "POST", ConnectionEndpoints.CloseAllAsync);
        Add(":generateToken", "POST", token.GenerateAsync);
        Add(":addToGroups", "POST", call => groupsByFilter.ChangeAsync(call, add: true));
        Add(":removeFromGroups", "POST", call => groupsByFilter.ChangeAsync(call, add: false));
        Add("connections/{}", "HEAD", ConnectionEndpoints.ConnectionExistsAsync);
        Add("connections/{}", "DELETE", ConnectionEndpoints.CloseConnectionAsync);
        Add("connections/{}/:send", "POST", send.ToConnectionAsync);
        Add("connections/{}/groups", "DELETE", GroupEndpoints.RemoveConnectionFromAllAsync);
        Add("groups/{}", "HEAD", ConnectionEndpoints.GroupExistsAsync);
        Add("groups/{}/:send", "POST", send.ToGroupAsync);
        Add("groups/{}/:closeConnections", "POST", ConnectionEndpoints.CloseGroupAsync);
        Add("groups/{}/connections", "GET", GroupConnectionsPage.ListAsync);
        Add("groups/{}/connections/{}", "PUT", GroupEndpoints.AddConnectionAsync);
        Add("groups/{}/connections/{}", "DELETE", GroupEndpoints.RemoveConnectionAsync);
        Add("users/{}", "HEAD", ConnectionEndpoints.UserExistsAsync);
        Add("users/{}/:send", "POST", send.ToUserAsync);
        Add("users/{}/:closeConnections", "POST", ConnectionEndpoints.CloseUserAsync);
        Add("users/{}/groups", "DELETE", GroupEndpoints.RemoveUserFromAllAsync);
        Add("users/{}/groups/{}", "PUT", GroupEndpoints.AddUserAsync);
        Add("users/{}/groups/{}", "DELETE", GroupEndpoints.RemoveUserAsync);
        Add("permissions/{}/connections/{}", "PUT", PermissionEndpoints.GrantAsync);
        Add("permissions/{}/connections/{}", "DELETE", PermissionEndpoints.RevokeAsync);
        Add("permissions/{}/connections/{}", "HEAD", PermissionEndpoints.CheckAsync);
    }

    /// <summary>The operation, or null; then <paramref name="pathKnown"/> tells a wrong method (405) from an unknown path (404).</summary>
    public RestOperation? Find(string method, in RestPath path, out bool pathKnown)
    {
        Span<char> shape = stackalloc char[MaxShapeLength];
        Dictionary<string, RestOperation>? byMethod = null;
        pathKnown = path.TryWriteShape(shape, out var length) && _byShape.TryGetValue(shape[..length], out byMethod);
        return byMethod is not null && byMethod.TryGetValue(method, out var operation) ? operation : null;
    }

    private void Add(string shape, string method, RestOperation operation)
    {
        if (!_table.TryGetValue(shape, out var byMethod))
        {
            byMethod = new Dictionary<string, RestOperation>(StringComparer.Ordinal);
            _table[shape] = byMethod;
        }

        byMethod.Add(method, operation);
    }
}
