using System.Globalization;
using StompFunctions.Emulator.Connections;
using StompFunctions.Emulator.Filters;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Data-plane sends to all connections, one connection, a group or a user. Sends are fire-and-forget: they are
/// answered 202 once handed to the connections' send queues. <paramref name="logger"/> is the REST API's.
/// </summary>
internal sealed partial class SendEndpoints(HubRegistry hubs, ILogger logger)
{
    private const int MaxMessageTtlSeconds = 300;

    public Task ToAllAsync(RestCall call) => SendAsync(call, call.Hub.Connections, allowExcluded: true, allowFilter: true);

    public Task ToConnectionAsync(RestCall call)
    {
        // An unknown connection is not an error (Microsoft's emulator answers 202 too).
        IEnumerable<ClientConnection> targets = call.Hub.TryGetConnection(call.Segment(1), out var connection) ? [connection] : [];
        return SendAsync(call, targets, allowExcluded: false, allowFilter: false);
    }

    public Task ToGroupAsync(RestCall call) =>
        !NameRules.IsValidGroup(call.Segment(1))
            ? call.FailAsync(EmulatorError.GroupNameInvalid)
            : SendAsync(call, call.Hub.GroupMembers(call.Segment(1)), allowExcluded: true, allowFilter: true);

    public Task ToUserAsync(RestCall call) =>
        SendAsync(call, call.Hub.UserConnections(call.Segment(1)), allowExcluded: false, allowFilter: true);

    private async Task SendAsync(RestCall call, IEnumerable<ClientConnection> targets, bool allowExcluded, bool allowFilter)
    {
        if (RefuseInvalidOptions(call, allowFilter, out var filter) is { } refusal)
        {
            await refusal;
            return;
        }

        var payload = await MessagePayload.TryReadAsync(call, hubs.Options.MaxMessageBytes);
        if (payload is null)
        {
            return;
        }

        var include = Include(allowExcluded ? call.QueryValues("excluded") : [], filter);
        var count = FanOut.Send(targets, include, payload.Value.Body, payload.Value.Binary);

        Log.Sent(logger, call.Hub.Name, count);
        call.Context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>Null when every target is included (no closure is made then).</summary>
    private static Func<ClientConnection, bool>? Include(IReadOnlyList<string> excluded, ConnectionFilter? filter) =>
        excluded.Count == 0 && filter is null
            ? null
            : connection => !excluded.Contains(connection.ConnectionId) && (filter is null || filter.Matches(connection));

    /// <summary>
    /// Validates <c>messageTtlSeconds</c> and parses <c>filter</c>: null when both are valid (the usual case, answered
    /// without an asynchronous step), else the 400 being written.
    /// </summary>
    private static Task? RefuseInvalidOptions(RestCall call, bool allowFilter, out ConnectionFilter? filter)
    {
        filter = null;

        // Messages are delivered at once here, so a TTL can never expire; it is still validated as the service does.
        if (call.Query("messageTtlSeconds") is { } ttl
            && (!int.TryParse(ttl, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxMessageTtlSeconds))
        {
            return call.FailAsync(EmulatorError.MessageTtlInvalid, MaxMessageTtlSeconds);
        }

        if (!allowFilter || call.Query("filter") is not { } text)
        {
            return null;
        }

        (filter, var error) = RestFilter.Parse(text);
        return filter is null ? call.FailAsync(EmulatorError.FilterInvalid, error) : null;
    }
}
