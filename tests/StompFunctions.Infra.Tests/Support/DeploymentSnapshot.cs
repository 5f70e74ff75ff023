using System.Text.Json;

namespace StompFunctions.Infra.Tests.Support;

/// <summary>
/// main.bicep as `bicep snapshot` evaluates it for a typical set of azd variables, once per test run and tier.
/// Values that only Azure knows (listKeys, reference) stay expressions.
/// </summary>
internal static class DeploymentSnapshot
{
    private static readonly Lazy<Task<JsonElement>> FreeTier = new(() => CreateAsync("Free_F1"));
    private static readonly Lazy<Task<JsonElement>> StandardTier = new(() => CreateAsync("Standard_S1"));

    /// <summary>The CORS origins azd variable the snapshots are made with, spaces and an empty entry included.</summary>
    public const string CorsVariable = " https://app.example, ,http://localhost:5173 ";

    /// <summary>The destination rules azd variable the snapshots are made with (a rule without send roles, a trailing separator).</summary>
    public const string DestinationRulesVariable = "/topic/**|*|publisher, admin; /user/**|@authenticated|@authenticated; /queue/orders.*|@authenticated;";

    public static Task<JsonElement> ForSkuAsync(string sku) => sku switch
    {
        "Free_F1" => FreeTier.Value,
        "Standard_S1" => StandardTier.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(sku), sku, "Only Free_F1 and Standard_S1 are snapshotted."),
    };

    /// <summary>The Functions app settings as Bicep writes them (Free tier deployment).</summary>
    public static async Task<Dictionary<string, string>> AppSettingsAsync() =>
        Single(await FreeTier.Value, "Microsoft.Web/sites/config").GetProperty("properties").EnumerateObject()
            .ToDictionary(property => property.Name, property => property.Value.GetString() ?? "");

    public static List<JsonElement> Resources(JsonElement snapshot) => [.. snapshot.GetProperty("predictedResources").EnumerateArray()];

    public static JsonElement Single(JsonElement snapshot, string type) => Assert.Single(Resources(snapshot), r => Type(r) == type);

    public static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;

    public static string Name(JsonElement resource) => resource.GetProperty("name").GetString()!;

    private static Task<JsonElement> CreateAsync(string sku) => BicepCli.SnapshotAsync("infra/main.bicep", new Dictionary<string, object>
    {
        ["environmentName"] = "test",
        ["location"] = "swedencentral",
        ["webPubSubSku"] = sku,
        ["corsAllowedOrigins"] = CorsVariable,
        ["clientAuthority"] = "https://login.example/tenant/v2.0",
        ["clientAudiences"] = " api://stomp , 0000-client ",
        ["destinationRules"] = DestinationRulesVariable,
    });
}
