using System.Text.Json;
using StompFunctions.Emulator.Filters;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

internal sealed partial class RestApi
{
    private const int MaxPageSize = 200;

    private static async Task AddConnectionToGroupAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(1)))
        {
            await InvalidGroupAsync(call);
            return;
        }

        if (!call.Hub.TryGetConnection(call.Segment(3), out var connection))
        {
            await call.NotFoundAsync($"The connection '{call.Segment(3)}' does not exist.", "connectionId");
            return;
        }

        call.Hub.AddToGroup(connection, call.Segment(1));
        await call.StatusAsync(StatusCodes.Status200OK);
    }

    private static Task RemoveConnectionFromGroupAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(1)))
        {
            return InvalidGroupAsync(call);
        }

        if (call.Hub.TryGetConnection(call.Segment(3), out var connection))
        {
            call.Hub.RemoveFromGroup(connection, call.Segment(1));
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }

    private static Task RemoveConnectionFromAllGroupsAsync(RestCall call)
    {
        if (call.Hub.TryGetConnection(call.Segment(1), out var connection))
        {
            call.Hub.RemoveFromAllGroups(connection);
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }

    /// <summary>
    /// Adds the user's current connections. Microsoft's emulator answers 404 when the user has none; whether
    /// the service also remembers the membership for later connections is UNCONFIRMED, so this does not.
    /// </summary>
    private static async Task AddUserToGroupAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(3)))
        {
            await InvalidGroupAsync(call);
            return;
        }

        if (!call.Hub.HasUser(call.Segment(1)))
        {
            await call.NotFoundAsync($"The user '{call.Segment(1)}' has no connection.", "userId");
            return;
        }

        foreach (var connection in call.Hub.UserConnections(call.Segment(1)))
        {
            call.Hub.AddToGroup(connection, call.Segment(3));
        }

        await call.StatusAsync(StatusCodes.Status200OK);
    }

    private static Task RemoveUserFromGroupAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(3)))
        {
            return InvalidGroupAsync(call);
        }

        foreach (var connection in call.Hub.UserConnections(call.Segment(1)))
        {
            call.Hub.RemoveFromGroup(connection, call.Segment(3));
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }

    private static Task RemoveUserFromAllGroupsAsync(RestCall call)
    {
        foreach (var connection in call.Hub.UserConnections(call.Segment(1)))
        {
            call.Hub.RemoveFromAllGroups(connection);
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }

    /// <summary><c>:addToGroups</c> / <c>:removeFromGroups</c> with body <c>{"groups":[...],"filter":"..."}</c>; no filter means every connection.</summary>
    private async Task ChangeGroupsByFilterAsync(RestCall call, bool add)
    {
        var body = await ReadBoundedAsync(call.Request, hubs.Options.MaxMessageBytes, call.Context.RequestAborted);
        if (body is null)
        {
            await PayloadTooLargeAsync(call.Context, hubs.Options.MaxMessageBytes);
            return;
        }

        if (!TryParseGroupsBody(body, out var groups, out var filterText))
        {
            await call.BadRequestAsync("The body must be a JSON object {\"groups\": [string, ...], \"filter\": string}.", "body");
            return;
        }

        if (groups.Count == 0 || !groups.All(NameRules.IsValidGroup))
        {
            await call.BadRequestAsync("groups must list 1 or more names of 1 to 1024 characters, not only whitespace.", "groups");
            return;
        }

        ConnectionFilter? filter = null;
        if (filterText is not null)
        {
            (filter, var error) = ParseFilter(filterText);
            if (filter is null)
            {
                await call.BadRequestAsync(error!, "filter");
                return;
            }
        }

        foreach (var connection in call.Hub.Connections)
        {
            if (filter is not null && !filter.Matches(connection))
            {
                continue;
            }

            foreach (var group in groups)
            {
                if (add)
                {
                    call.Hub.AddToGroup(connection, group);
                }
                else
                {
                    call.Hub.RemoveFromGroup(connection, group);
                }
            }
        }

        await call.StatusAsync(StatusCodes.Status200OK);
    }

    private static bool TryParseGroupsBody(byte[] body, out List<string> groups, out string? filter)
    {
        groups = [];
        filter = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("groups", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                groups.Add(item.GetString()!);
            }

            if (root.TryGetProperty("filter", out var filterElement) && filterElement.ValueKind != JsonValueKind.Null)
            {
                if (filterElement.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                filter = filterElement.GetString();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// <c>GET groups/{group}/connections</c> (api-version 2024-12-01): pages ordered by connection id; the
    /// continuation token is the last id of the previous page, so concurrent joins and leaves never repeat an entry.
    /// </summary>
    private static async Task ListGroupConnectionsAsync(RestCall call)
    {
        if (!ApiVersions.IsAtLeast(call.ApiVersion, ApiVersions.ListGroupConnections))
        {
            await ServiceError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "UnsupportedApiVersion", $"Listing group connections needs api-version {ApiVersions.ListGroupConnections} or later.", "api-version");
            return;
        }

        var group = call.Segment(1);
        if (!NameRules.IsValidGroup(group))
        {
            await InvalidGroupAsync(call);
            return;
        }

        if (!TryReadPositive(call, "maxpagesize", MaxPageSize, out var pageSize) || !TryReadPositive(call, "top", int.MaxValue, out var top))
        {
            await call.BadRequestAsync($"maxpagesize must be an integer from 1 to {MaxPageSize} and top a positive integer.");
            return;
        }

        var after = call.Query("continuationToken");
        var page = call.Hub.GroupMembers(group)
            .Where(c => after is null || string.CompareOrdinal(c.ConnectionId, after) > 0)
            .OrderBy(c => c.ConnectionId, StringComparer.Ordinal)
            .Take(Math.Min(pageSize, top) + 1)
            .ToList();
        var hasMore = page.Count > Math.Min(pageSize, top);
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        call.Context.Response.StatusCode = StatusCodes.Status200OK;
        call.Context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(call.Context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("value");
        foreach (var connection in page)
        {
            writer.WriteStartObject();
            writer.WriteString("connectionId", connection.ConnectionId);
            writer.WriteString("userId", connection.UserId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        var remainingTop = top == int.MaxValue ? top : top - page.Count;
        if (hasMore && remainingTop > 0 && page.Count > 0)
        {
            writer.WriteString("nextLink", NextLink(call, group, pageSize, remainingTop, page[^1].ConnectionId));
        }

        writer.WriteEndObject();
    }

    private static string NextLink(RestCall call, string group, int pageSize, int top, string lastConnectionId)
    {
        var link = $"/api/hubs/{Uri.EscapeDataString(call.HubName)}/groups/{Uri.EscapeDataString(group)}/connections?api-version={call.ApiVersion}&maxpagesize={pageSize}";
        if (top != int.MaxValue)
        {
            link += "&top=" + top.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return link + "&continuationToken=" + Uri.EscapeDataString(lastConnectionId);
    }

    private static bool TryReadPositive(RestCall call, string name, int max, out int value)
    {
        value = max;
        var text = call.Query(name);
        return text is null || (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max);
    }
}
