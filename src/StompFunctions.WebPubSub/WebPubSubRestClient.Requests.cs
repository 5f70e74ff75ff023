using Azure.Core;

namespace StompFunctions.WebPubSub;

public partial class WebPubSubRestClient
{
    /// <summary>The service's maximum group name length (webpubsub-protocol.md §3).</summary>
    internal const int MaxGroupNameLength = 1024;

    private static readonly ResponseClassifier Classifier200 = new StatusCodeClassifier([200]);
    private static readonly ResponseClassifier Classifier202 = new StatusCodeClassifier([202]);
    private static readonly ResponseClassifier Classifier204 = new StatusCodeClassifier([204]);
    private static readonly ResponseClassifier Classifier200Or404 = new StatusCodeClassifier([200, 404]);

    internal HttpMessage CreateSendToConnectionRequest(string connectionId, ReadOnlyMemory<byte> content, string contentType)
    {
        var message = CreateMessage(RequestMethod.Post, Classifier202);
        message.Request.Uri.Reset(_sendUris.ForConnection(RequireName(connectionId, nameof(connectionId))));
        SetContent(message.Request, content, contentType);
        return message;
    }

    internal HttpMessage CreateSendToGroupRequest(string group, ReadOnlyMemory<byte> content, string contentType, IEnumerable<string>? excluded)
    {
        var message = CreateMessage(RequestMethod.Post, Classifier202);
        if (excluded is null)
        {
            message.Request.Uri.Reset(_sendUris.ForGroup(RequireGroup(group)));
        }
        else
        {
            AppendHubPath(message.Request.Uri, "/groups/", RequireGroup(group), "/:send");
            AppendExcluded(message.Request.Uri, excluded);
            FinishQuery(message.Request.Uri);
        }

        SetContent(message.Request, content, contentType);
        return message;
    }

    internal HttpMessage CreateSendToAllRequest(ReadOnlyMemory<byte> content, string contentType, IEnumerable<string>? excluded)
    {
        var message = CreateMessage(RequestMethod.Post, Classifier202);
        AppendHubPath(message.Request.Uri, "/:send", null, null);
        AppendExcluded(message.Request.Uri, excluded);
        SetContent(message.Request, content, contentType);
        FinishQuery(message.Request.Uri);
        return message;
    }

    internal HttpMessage CreateSendToUserRequest(string userId, ReadOnlyMemory<byte> content, string contentType)
    {
        var message = CreateMessage(RequestMethod.Post, Classifier202);
        AppendHubPath(message.Request.Uri, "/users/", RequireName(userId, nameof(userId)), "/:send");
        SetContent(message.Request, content, contentType);
        FinishQuery(message.Request.Uri);
        return message;
    }

    internal HttpMessage CreateGroupMembershipRequest(string group, string connectionId, bool add)
    {
        var message = CreateMessage(add ? RequestMethod.Put : RequestMethod.Delete, add ? Classifier200 : Classifier204);
        var uri = message.Request.Uri;
        AppendHubPath(uri, "/groups/", RequireGroup(group), "/connections/");
        uri.AppendPath(RequireName(connectionId, nameof(connectionId)), escape: true);
        FinishQuery(uri);
        return message;
    }

    internal HttpMessage CreateRemoveFromAllGroupsRequest(string connectionId)
    {
        var message = CreateMessage(RequestMethod.Delete, Classifier204);
        AppendHubPath(message.Request.Uri, "/connections/", RequireName(connectionId, nameof(connectionId)), "/groups");
        FinishQuery(message.Request.Uri);
        return message;
    }

    internal HttpMessage CreateCloseConnectionRequest(string connectionId, string? reason)
    {
        var message = CreateMessage(RequestMethod.Delete, Classifier204);
        var uri = message.Request.Uri;
        AppendHubPath(uri, "/connections/", RequireName(connectionId, nameof(connectionId)), null);
        if (!string.IsNullOrEmpty(reason))
        {
            uri.AppendQuery("reason", reason, escapeValue: true);
        }

        FinishQuery(uri);
        return message;
    }

    internal HttpMessage CreateCloseGroupRequest(string group, string? reason)
    {
        var message = CreateMessage(RequestMethod.Post, Classifier204);
        var uri = message.Request.Uri;
        AppendHubPath(uri, "/groups/", RequireGroup(group), "/:closeConnections");
        if (!string.IsNullOrEmpty(reason))
        {
            uri.AppendQuery("reason", reason, escapeValue: true);
        }

        FinishQuery(uri);
        return message;
    }

    internal HttpMessage CreateExistsRequest(string collection, string name)
    {
        var message = CreateMessage(RequestMethod.Head, Classifier200Or404);
        AppendHubPath(message.Request.Uri, "/" + collection + "/", name, null);
        FinishQuery(message.Request.Uri);
        return message;
    }

    internal HttpMessage CreateGenerateTokenRequest(string? userId, IEnumerable<string>? roles, IEnumerable<string>? groups, int minutesToExpire)
    {
        var message = CreateMessage(RequestMethod.Post, Classifier200);
        var uri = message.Request.Uri;
        AppendHubPath(uri, "/:generateToken", null, null);
        if (!string.IsNullOrEmpty(userId))
        {
            uri.AppendQuery("userId", userId, escapeValue: true);
        }

        foreach (var role in roles ?? [])
        {
            uri.AppendQuery("role", role, escapeValue: true);
        }

        foreach (var group in groups ?? [])
        {
            uri.AppendQuery("group", group, escapeValue: true);
        }

        uri.AppendQuery("minutesToExpire", minutesToExpire.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
        FinishQuery(uri);
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        return message;
    }

    /// <summary>Group names must be 1–1024 characters and not all white space (REST spec).</summary>
    internal static string RequireGroup(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Length is 0 or > MaxGroupNameLength || string.IsNullOrWhiteSpace(group))
        {
            throw new ArgumentException("A group name must be 1 to 1024 characters and not all white space.", nameof(group));
        }

        return group;
    }

    private static string RequireName(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameterName);
        return value;
    }

    private static void SetContent(Request request, ReadOnlyMemory<byte> content, string contentType)
    {
        request.Headers.SetValue(HttpHeader.Names.ContentType, RequireContentType(contentType));
        request.Content = RequestContent.Create(content);
    }

    /// <summary>The REST spec accepts exactly these three media types; nothing else is sent (no charset parameter).</summary>
    private static string RequireContentType(string contentType) =>
        contentType is WebPubSubContentTypes.Text or WebPubSubContentTypes.Binary or WebPubSubContentTypes.Json
            ? contentType
            : throw new ArgumentException("The content type must be text/plain, application/octet-stream or application/json.", nameof(contentType));

    private static void AppendExcluded(RequestUriBuilder uri, IEnumerable<string>? excluded)
    {
        foreach (var connectionId in excluded ?? [])
        {
            uri.AppendQuery("excluded", connectionId, escapeValue: true);
        }
    }

    private HttpMessage CreateMessage(RequestMethod method, ResponseClassifier classifier)
    {
        var message = _pipeline.CreateMessage(context: null, classifier);
        message.Request.Method = method;
        message.Request.Uri.Reset(_endpoint);
        return message;
    }

    private void AppendHubPath(RequestUriBuilder uri, string afterHub, string? name, string? afterName)
    {
        uri.AppendPath("/api/hubs/", escape: false);
        uri.AppendPath(_hub, escape: true);
        uri.AppendPath(afterHub, escape: false);
        if (name is not null)
        {
            uri.AppendPath(name, escape: true);
        }

        if (afterName is not null)
        {
            uri.AppendPath(afterName, escape: false);
        }
    }

    /// <summary>The URL of a send to one named target (<c>/groups/{group}/:send</c>, <c>/connections/{id}/:send</c>), for <see cref="SendUris"/>.</summary>
    private Uri SendUri(string collection, string name)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(_endpoint);
        AppendHubPath(uri, collection, name, "/:send");
        FinishQuery(uri);
        return uri.ToUri();
    }

    private void FinishQuery(RequestUriBuilder uri) => uri.AppendQuery("api-version", _apiVersion, escapeValue: true);
}
