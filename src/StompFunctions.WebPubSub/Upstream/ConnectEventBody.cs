using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub.Upstream;

/// <summary>
/// The JSON body of a <c>connect</c> event (webpubsub-protocol.md §2.6): <c>claims</c>, <c>query</c> and <c>headers</c>
/// map names to string arrays, <c>subprotocols</c> is an array. A single string where an array is expected is
/// accepted too. Missing sections are empty.
/// </summary>
internal sealed class ConnectEventBody
{
    /// <summary>Roles with this prefix are Web PubSub permissions, never application roles.</summary>
    public const string PermissionRolePrefix = "webpubsub.";

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private static readonly string[] RoleClaimTypes = ["role", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    public IReadOnlyDictionary<string, string[]> Claims { get; private init; } = Empty;

    public IReadOnlyDictionary<string, string[]> Query { get; private init; } = Empty;

    public IReadOnlyDictionary<string, string[]> Headers { get; private init; } = Empty;

    public IReadOnlyList<string> Subprotocols { get; private init; } = [];

    /// <summary>The token's <c>sub</c> claim, used when the service sent no <c>ce-userId</c>.</summary>
    public string? Subject => Claims.TryGetValue("sub", out var values) && values.Length > 0 && values[0].Length > 0 ? values[0] : null;

    /// <summary>
    /// The roles of the token that are not Web PubSub permissions (<c>webpubsub.*</c>): the application roles negotiate
    /// copied from the caller's identity. The claim is <c>role</c>, or its long .NET form if the service maps it.
    /// </summary>
    public IReadOnlyList<string> ApplicationRoles =>
        [.. RoleClaimTypes
            .SelectMany(type => Claims.TryGetValue(type, out var values) ? values : [])
            .Where(static role => role.Length > 0 && !role.StartsWith(PermissionRolePrefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Reads and parses the body; null when it is too large or not a JSON object of the expected shape.</summary>
    public static async Task<ConnectEventBody?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await UpstreamBody.ReadAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        if (bytes.Value.Length == 0)
        {
            return new ConnectEventBody();
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.Value);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? null
                : new ConnectEventBody
                {
                    Claims = Map(root, "claims"),
                    Query = Map(root, "query"),
                    Headers = Map(root, "headers"),
                    Subprotocols = root.TryGetProperty("subprotocols", out var offered) ? Strings(offered) : [],
                };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, string[]> Map(JsonElement root, string name)
    {
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in section.EnumerateObject())
            {
                result[property.Name] = Strings(property.Value);
            }
        }

        return result;
    }

    private static string[] Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Where(static e => e.ValueKind == JsonValueKind.String).Select(static e => e.GetString()!)],
        _ => [],
    };
}
