using System.Text.Json;

namespace StompFunctions.Emulator.Rest;

/// <summary>Reads the body of <c>:addToGroups</c> / <c>:removeFromGroups</c>: <c>{"groups": [string, ...], "filter": string}</c>.</summary>
internal static class GroupsBody
{
    /// <summary>False when the body is not that shape; <paramref name="filter"/> is null when absent or JSON null.</summary>
    public static bool TryParse(byte[] body, out List<string> groups, out string? filter)
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
}
