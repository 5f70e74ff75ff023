using System.Text.Json;

namespace StompFunctions.Emulator.Auth;

/// <summary>
/// Claims of a client access token, each as a list of strings (the shape of the <c>connect</c> event's
/// <c>claims</c>), plus the three the service acts on: <c>sub</c>, <c>role</c> and <c>webpubsub.group</c>.
/// </summary>
internal sealed class ClientClaims
{
    public static ClientClaims Anonymous { get; } = new([]);

    private ClientClaims(IReadOnlyList<KeyValuePair<string, string[]>> all) => All = all;

    public IReadOnlyList<KeyValuePair<string, string[]>> All { get; }

    public string? UserId => Find("sub") is [var sub, ..] ? sub : null;

    public IReadOnlyList<string> Roles => Find("role") ?? [];

    public IReadOnlyList<string> Groups => Find("webpubsub.group") ?? [];

    /// <summary>Reads every claim; a single string and an array of strings are both accepted (third-party issuers emit either).</summary>
    public static ClientClaims From(JsonElement payload)
    {
        var all = new List<KeyValuePair<string, string[]>>();
        foreach (var property in payload.EnumerateObject())
        {
            var values = property.Value.ValueKind == JsonValueKind.Array
                ? property.Value.EnumerateArray().Select(AsString).ToArray()
                : [AsString(property.Value)];
            all.Add(new(property.Name, values));
        }

        return new ClientClaims(all);
    }

    private string[]? Find(string type)
    {
        foreach (var (name, values) in All)
        {
            if (name == type)
            {
                return values;
            }
        }

        return null;
    }

    private static string AsString(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
