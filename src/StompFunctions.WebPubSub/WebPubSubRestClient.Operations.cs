using Azure;

namespace StompFunctions.WebPubSub;

public partial class WebPubSubRestClient
{
    /// <summary>Sends one message to one connection (REST #3, 202). Sending to a connection that is gone still succeeds.</summary>
    public virtual async Task<Response> SendToConnectionAsync(string connectionId, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default)
    {
        if (_direct is not null)
        {
            var uri = _sendUris.ForConnection(RequireName(connectionId, nameof(connectionId)));
            return await _direct.SendAsync(uri, content, RequireContentType(contentType), cancellationToken).ConfigureAwait(false);
        }

        using var message = CreateSendToConnectionRequest(connectionId, content, contentType);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one message to every connection of a group (REST #4, 202), except the <paramref name="excluded"/> connections.</summary>
    public virtual async Task<Response> SendToGroupAsync(string group, ReadOnlyMemory<byte> content, string contentType, IEnumerable<string>? excluded = null, CancellationToken cancellationToken = default)
    {
        if (_direct is not null && excluded is null)
        {
            var uri = _sendUris.ForGroup(RequireGroup(group));
            return await _direct.SendAsync(uri, content, RequireContentType(contentType), cancellationToken).ConfigureAwait(false);
        }

        using var message = CreateSendToGroupRequest(group, content, contentType, excluded);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one message to every connection of the hub (REST #2, 202).</summary>
    public virtual async Task<Response> SendToAllAsync(ReadOnlyMemory<byte> content, string contentType, IEnumerable<string>? excluded = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateSendToAllRequest(content, contentType, excluded);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one message to every connection of a user (REST #5, 202).</summary>
    public virtual async Task<Response> SendToUserAsync(string userId, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default)
    {
        using var message = CreateSendToUserRequest(userId, content, contentType);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a connection to a group (REST #6, 200); the service has applied it when this returns.</summary>
    public virtual async Task<Response> AddConnectionToGroupAsync(string group, string connectionId, CancellationToken cancellationToken = default)
    {
        using var message = CreateGroupMembershipRequest(group, connectionId, add: true);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a connection from a group (REST #7, 204); succeeds when it was not a member.</summary>
    public virtual async Task<Response> RemoveConnectionFromGroupAsync(string group, string connectionId, CancellationToken cancellationToken = default)
    {
        using var message = CreateGroupMembershipRequest(group, connectionId, add: false);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a connection from every group (REST #8, 204).</summary>
    public virtual async Task<Response> RemoveConnectionFromAllGroupsAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        using var message = CreateRemoveFromAllGroupsRequest(connectionId);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes a connection (REST #9, 204), giving <paramref name="reason"/> to the service.</summary>
    public virtual async Task<Response> CloseConnectionAsync(string connectionId, string? reason = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateCloseConnectionRequest(connectionId, reason);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes every connection of a group (REST #11, 204), giving <paramref name="reason"/> to the service; an empty group is no error.</summary>
    public virtual async Task<Response> CloseGroupConnectionsAsync(string group, string? reason = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateCloseGroupRequest(group, reason);
        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a connection is open (REST #13, 200 or 404).</summary>
    public virtual async Task<Response<bool>> ConnectionExistsAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        using var message = CreateExistsRequest("connections", RequireName(connectionId, nameof(connectionId)));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>Whether a group has any connection (REST #14, 200 or 404).</summary>
    public virtual async Task<Response<bool>> GroupExistsAsync(string group, CancellationToken cancellationToken = default)
    {
        using var message = CreateExistsRequest("groups", RequireGroup(group));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }
}
