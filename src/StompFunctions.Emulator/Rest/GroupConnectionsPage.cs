using System.Globalization;
using System.Text.Json;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// <c>GET groups/{group}/connections</c> (api-version 2024-12-01): pages ordered by connection id; the
/// continuation token is the last id of the previous page, so concurrent joins and leaves never repeat an entry.
/// </summary>
internal static class GroupConnectionsPage
{
    private const int MaxPageSize = 200;

    public static async Task ListAsync(RestCall call)
    {
        if (!ApiVersions.IsAtLeast(call.ApiVersion, ApiVersions.ListGroupConnections))
        {
            await call.FailAsync(EmulatorError.GroupConnectionsNeedNewerApiVersion, ApiVersions.ListGroupConnections);
            return;
        }

        var group = call.Segment(1);
        if (!NameRules.IsValidGroup(group))
        {
            await call.FailAsync(EmulatorError.GroupNameInvalid);
            return;
        }

        if (!TryReadPositive(call, "maxpagesize", MaxPageSize, out var pageSize) || !TryReadPositive(call, "top", int.MaxValue, out var top))
        {
            await call.FailAsync(EmulatorError.PageSizeInvalid, MaxPageSize);
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
            link += "&top=" + top.ToString(CultureInfo.InvariantCulture);
        }

        return link + "&continuationToken=" + Uri.EscapeDataString(lastConnectionId);
    }

    private static bool TryReadPositive(RestCall call, string name, int max, out int value)
    {
        value = max;
        var text = call.Query(name);
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max);
    }
}
