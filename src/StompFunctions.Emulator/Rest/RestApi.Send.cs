using System.Globalization;
using System.Net.Http.Headers;
using StompFunctions.Emulator.Connections;
using StompFunctions.Emulator.Filters;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

internal sealed partial class RestApi
{
    private const int MaxMessageTtlSeconds = 300;

    private Task SendToAllAsync(RestCall call) => SendAsync(call, call.Hub.Connections, allowExcluded: true, allowFilter: true);

    private Task SendToConnectionAsync(RestCall call)
    {
        // Sends are fire-and-forget: an unknown connection is not an error (Microsoft's emulator answers 202 too).
        IEnumerable<ClientConnection> targets = call.Hub.TryGetConnection(call.Segment(1), out var connection) ? [connection] : [];
        return SendAsync(call, targets, allowExcluded: false, allowFilter: false);
    }

    private Task SendToGroupAsync(RestCall call) =>
        !NameRules.IsValidGroup(call.Segment(1))
            ? InvalidGroupAsync(call)
            : SendAsync(call, call.Hub.GroupMembers(call.Segment(1)), allowExcluded: true, allowFilter: true);

    private Task SendToUserAsync(RestCall call) =>
        SendAsync(call, call.Hub.UserConnections(call.Segment(1)), allowExcluded: false, allowFilter: true);

    private async Task SendAsync(RestCall call, IEnumerable<ClientConnection> targets, bool allowExcluded, bool allowFilter)
    {
        var (ok, filter) = await TryReadSendOptionsAsync(call, allowFilter);
        if (!ok)
        {
            return;
        }

        var payload = await TryReadPayloadAsync(call);
        if (payload is null)
        {
            return;
        }

        var excluded = allowExcluded ? call.QueryValues("excluded") : [];
        Func<ClientConnection, bool>? include = excluded.Count == 0 && filter is null
            ? null
            : connection => !excluded.Contains(connection.ConnectionId) && (filter is null || filter.Matches(connection));
        var count = FanOut.Send(targets, include, payload.Value.Body, payload.Value.Binary);

        Log.Sent(logger, call.Hub.Name, count);
        call.Context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>Validates <c>messageTtlSeconds</c> and parses <c>filter</c>; writes the 400 itself when invalid.</summary>
    private static async Task<(bool Ok, ConnectionFilter? Filter)> TryReadSendOptionsAsync(RestCall call, bool allowFilter)
    {
        // Messages are delivered at once here, so a TTL can never expire; it is still validated as the service does.
        if (call.Query("messageTtlSeconds") is { } ttl
            && (!int.TryParse(ttl, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxMessageTtlSeconds))
        {
            await call.BadRequestAsync($"messageTtlSeconds must be an integer from 0 to {MaxMessageTtlSeconds}.", "messageTtlSeconds");
            return (false, null);
        }

        if (!allowFilter || call.Query("filter") is not { } text)
        {
            return (true, null);
        }

        var (filter, error) = ParseFilter(text);
        if (filter is null)
        {
            await call.BadRequestAsync(error!, "filter");
            return (false, null);
        }

        return (true, filter);
    }

    private static (ConnectionFilter? Filter, string? Error) ParseFilter(string text)
    {
        try
        {
            return (ConnectionFilter.Parse(text), null);
        }
        catch (FilterSyntaxException ex)
        {
            return (null, "Invalid filter: " + ex.Message);
        }
    }

    /// <summary>
    /// Reads a message body of an allowed content type (<c>application/json</c>, <c>text/plain</c>,
    /// <c>application/octet-stream</c>; parameters such as charset are tolerated) up to the size limit.
    /// </summary>
    private async Task<(byte[] Body, bool Binary)?> TryReadPayloadAsync(RestCall call)
    {
        var request = call.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;
        bool binary;
        switch (mediaType)
        {
            case "application/octet-stream":
                binary = true;
                break;
            case "text/plain":
            case "application/json":
                binary = false;
                break;
            default:
                await call.BadRequestAsync("Content-Type must be application/json, text/plain or application/octet-stream.", "Content-Type");
                return null;
        }

        var max = hubs.Options.MaxMessageBytes;
        if (request.ContentLength > max)
        {
            await PayloadTooLargeAsync(call.Context, max);
            return null;
        }

        var body = await ReadBoundedAsync(request, max, call.Context.RequestAborted);
        if (body is null)
        {
            await PayloadTooLargeAsync(call.Context, max);
            return null;
        }

        return (body, binary);
    }

    private static Task<byte[]?> ReadBoundedAsync(HttpRequest request, int max, CancellationToken cancellationToken) =>
        BoundedBody.ReadAsync(request.Body, request.ContentLength, max, cancellationToken);

    private static Task PayloadTooLargeAsync(HttpContext context, int max) =>
        ServiceError.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The message exceeds the limit of {max} bytes.");

    private static Task InvalidGroupAsync(RestCall call) =>
        call.BadRequestAsync("A group name must have 1 to 1024 characters and not be only whitespace.", "group");
}
