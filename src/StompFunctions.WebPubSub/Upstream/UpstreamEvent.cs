using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub.Upstream;

/// <summary>The CloudEvents attributes of one upstream request (binary content mode: attributes in <c>ce-*</c> headers).</summary>
internal sealed class UpstreamEvent
{
    private const string TypePrefixSystem = "azure.webpubsub.sys.";
    private const string TypePrefixUser = "azure.webpubsub.user.";

    private UpstreamEvent(UpstreamEventKind kind, string eventName, string hub, string connectionId)
    {
        Kind = kind;
        EventName = eventName;
        Hub = hub;
        ConnectionId = connectionId;
    }

    public UpstreamEventKind Kind { get; }

    public string EventName { get; }

    public string Hub { get; }

    public string ConnectionId { get; }

    public string? UserId { get; private init; }

    public string? Subprotocol { get; private init; }

    /// <summary>Absent and empty both mean "no state yet" (webpubsub-protocol.md §2.9).</summary>
    public string? ConnectionState { get; private init; }

    public string? Signature { get; private init; }

    public string? Id { get; private init; }

    /// <summary>The same event carrying another connection state (the one inside the sealed header).</summary>
    public UpstreamEvent WithConnectionState(string? state) => new(Kind, EventName, Hub, ConnectionId)
    {
        UserId = UserId,
        Subprotocol = Subprotocol,
        ConnectionState = state,
        Signature = Signature,
        Id = Id,
    };

    public static bool TryParse(IHeaderDictionary headers, UserIdHeaderFormat userIdFormat, [NotNullWhen(true)] out UpstreamEvent? upstreamEvent, [NotNullWhen(false)] out UpstreamProblem? error)
    {
        upstreamEvent = null;
        var type = Single(headers, CloudEventHeaders.Type);
        var connectionId = Single(headers, CloudEventHeaders.ConnectionId);
        var hub = Single(headers, CloudEventHeaders.Hub);
        if (type is null || connectionId is null || hub is null)
        {
            error = UpstreamProblem.NotACloudEvent;
            return false;
        }

        if (!TryGetKind(type, out var kind, out var eventName))
        {
            error = UpstreamProblem.UnknownType;
            return false;
        }

        var userId = Single(headers, CloudEventHeaders.UserId);
        if (userId is not null && userIdFormat == UserIdHeaderFormat.PercentEncoded && !CloudEventValueDecoder.TryDecode(userId, out userId))
        {
            error = UpstreamProblem.UserIdNotPercentEncoded;
            return false;
        }

        upstreamEvent = new UpstreamEvent(kind, Single(headers, CloudEventHeaders.EventName) ?? eventName, hub, connectionId)
        {
            UserId = userId,
            Subprotocol = Single(headers, CloudEventHeaders.Subprotocol),
            ConnectionState = Single(headers, CloudEventHeaders.ConnectionState),
            Signature = headers[CloudEventHeaders.Signature].ToString() is { Length: > 0 } signature ? signature : null,
            Id = Single(headers, CloudEventHeaders.Id),
        };
        error = null;
        return true;
    }

    private static bool TryGetKind(string type, out UpstreamEventKind kind, out string eventName)
    {
        if (type.StartsWith(TypePrefixUser, StringComparison.Ordinal) && type.Length > TypePrefixUser.Length)
        {
            kind = UpstreamEventKind.User;
            eventName = type[TypePrefixUser.Length..];
            return true;
        }

        eventName = type.StartsWith(TypePrefixSystem, StringComparison.Ordinal) ? type[TypePrefixSystem.Length..] : string.Empty;
        switch (eventName)
        {
            case "connect": kind = UpstreamEventKind.Connect; return true;
            case "connected": kind = UpstreamEventKind.Connected; return true;
            case "disconnected": kind = UpstreamEventKind.Disconnected; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>An empty header is treated as absent; a repeated one keeps its first value.</summary>
    private static string? Single(IHeaderDictionary headers, string name)
    {
        var values = headers[name];
        return values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }
}
