using System.Text.Json;

namespace StompFunctions.Emulator.Upstream;

/// <summary>
/// What a successful <c>connect</c> answer may set (webpubsub-protocol.md §2.6), with Microsoft's emulator's
/// semantics: <c>userId</c> overrides the token's <c>sub</c> (an empty string too), <c>roles</c> replaces
/// the token's roles (an empty array clears them), <c>groups</c> replaces the token's groups only when not empty.
/// </summary>
internal sealed record ConnectAnswer(bool HasUserId, string? UserId, IReadOnlyList<string>? Groups, IReadOnlyList<string>? Roles, string? Subprotocol)
{
    public static ConnectAnswer Empty { get; } = new(false, null, null, null, null);

    /// <summary>Parses the body whatever its content type; false when it is not a JSON object of the expected shape.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out ConnectAnswer answer)
    {
        answer = Empty;
        if (body.IsEmpty)
        {
            return true;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var hasUserId = root.TryGetProperty("userId", out var userId) && userId.ValueKind != JsonValueKind.Null;
            if (hasUserId && userId.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            if (!TryReadStrings(root, "groups", out var groups) || !TryReadStrings(root, "roles", out var roles))
            {
                return false;
            }

            string? subprotocol = null;
            if (root.TryGetProperty("subprotocol", out var sub) && sub.ValueKind != JsonValueKind.Null)
            {
                // A blank subprotocol is invalid: a handler that wants none must omit the property.
                if (sub.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(sub.GetString()))
                {
                    return false;
                }

                subprotocol = sub.GetString();
            }

            answer = new ConnectAnswer(hasUserId, hasUserId ? userId.GetString() : null, groups, roles, subprotocol);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryReadStrings(JsonElement root, string name, out IReadOnlyList<string>? values)
    {
        values = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            list.Add(item.GetString()!);
        }

        values = list;
        return true;
    }
}
