using StompFunctions.Infra.Tests.Support;
using static StompFunctions.Infra.Tests.Support.DeploymentSnapshot;

namespace StompFunctions.Infra.Tests;

/// <summary>
/// What main.bicep deploys, as `bicep snapshot` evaluates it for given azd variables (no Azure involved): where
/// secrets go, which events the hub asks for, the Free tier's network settings, CORS and the logging setting.
/// Values that only Azure knows (listKeys, reference) stay expressions, which is what the secret checks look at.
/// </summary>
public sealed class DeploymentSnapshotTests
{
    [Fact]
    public async Task Access_keys_and_the_upstream_key_are_written_only_into_Key_Vault_secrets()
    {
        var resources = Resources(await DeploymentSnapshot.ForSkuAsync("Free_F1"));

        foreach (var resource in resources)
        {
            var text = resource.GetRawText();
            if (Type(resource) == "Microsoft.KeyVault/vaults/secrets")
            {
                continue;
            }

            Assert.DoesNotContain("listKeys(", text, StringComparison.Ordinal);
            // The hub's only use of the key is the test whether there is one.
            Assert.Equal(Type(resource) == "Microsoft.SignalRService/webPubSub/hubs" ? 1 : 0, Count(text, "parameters('upstreamKey')"));
        }

        Assert.Equal(
            ["upstream-function-key", "webpubsub-primary-key", "webpubsub-secondary-key"],
            resources.Where(r => Type(r) == "Microsoft.KeyVault/vaults/secrets").Select(r => Name(r).Split('/')[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_app_settings_hold_Key_Vault_references_resolved_with_the_app_identity()
    {
        var snapshot = await DeploymentSnapshot.ForSkuAsync("Free_F1");
        var settings = Single(snapshot, "Microsoft.Web/sites/config").GetProperty("properties");
        var site = Single(snapshot, "Microsoft.Web/sites").GetProperty("properties");

        // The versionless URI of each secret, which only Azure knows: the reference stays an expression.
        Assert.Matches(@"^\[format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\)', reference\('[^']*/providers/Microsoft\.KeyVault/vaults/kv-[a-z0-9]+/secrets/webpubsub-primary-key', '[-0-9]+'\)\.secretUri\)\]$", settings.GetProperty("WebPubSub__AccessKey").GetString());
        Assert.Matches(@"^\[format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\)', reference\('[^']*/secrets/webpubsub-secondary-key', '[-0-9]+'\)\.secretUri\)\]$", settings.GetProperty("WebPubSub__SecondaryAccessKey").GetString());
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities/id-", site.GetProperty("keyVaultReferenceIdentity").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_and_the_Web_PubSub_identity_may_read_the_vault_secrets()
    {
        var readers = Resources(await DeploymentSnapshot.ForSkuAsync("Free_F1"))
            .Where(r => Type(r) == "Microsoft.Authorization/roleAssignments"
                && r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.EndsWith("/4633458b-17de-408a-b874-0445c86b69e6", StringComparison.Ordinal))
            .Select(r => r.GetProperty("properties").GetProperty("principalId").GetString()!)
            .ToList();

        Assert.Equal(2, readers.Count);
        Assert.Contains(readers, id => id.Contains("userAssignedIdentities/id-", StringComparison.Ordinal));
        Assert.Contains(readers, id => id.Contains("webPubSub/wps-", StringComparison.Ordinal) && id.Contains(".identity.principalId", StringComparison.Ordinal));
        Assert.Equal("SystemAssigned", Single(await DeploymentSnapshot.ForSkuAsync("Free_F1"), "Microsoft.SignalRService/webPubSub").GetProperty("identity").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_hub_has_no_handler_without_a_key_and_then_one_that_reads_the_key_from_Key_Vault_for_connect_and_disconnected()
    {
        var hub = Single(await DeploymentSnapshot.ForSkuAsync("Free_F1"), "Microsoft.SignalRService/webPubSub/hubs").GetProperty("properties");
        var handlers = hub.GetProperty("eventHandlers").GetString()!;

        Assert.Equal("deny", hub.GetProperty("anonymousConnectPolicy").GetString());
        Assert.StartsWith("[if(empty(parameters('upstreamKey')), createArray(), createArray(createObject(", handlers, StringComparison.Ordinal);
        Assert.Contains("'https://{0}/api/webpubsub/{{event}}?code={1}'", handlers, StringComparison.Ordinal);
        Assert.Contains("'{{@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)}}'", handlers, StringComparison.Ordinal);
        Assert.Contains("'systemEvents', createArray('connect', 'disconnected')", handlers, StringComparison.Ordinal);
        Assert.DoesNotContain("'connected'", handlers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_F1_declares_no_network_ACLs_and_the_paid_tiers_allow_by_default()
    {
        var free = Single(await DeploymentSnapshot.ForSkuAsync("Free_F1"), "Microsoft.SignalRService/webPubSub");
        var standard = Single(await DeploymentSnapshot.ForSkuAsync("Standard_S1"), "Microsoft.SignalRService/webPubSub");

        Assert.Equal("Free", free.GetProperty("sku").GetProperty("tier").GetString());
        Assert.False(free.GetProperty("properties").TryGetProperty("networkACLs", out _));
        Assert.Equal("Allow", standard.GetProperty("properties").GetProperty("networkACLs").GetProperty("defaultAction").GetString());
    }

    [Fact]
    public async Task CORS_origins_come_from_the_comma_separated_azd_variable()
    {
        var cors = Single(await DeploymentSnapshot.ForSkuAsync("Free_F1"), "Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("cors");

        Assert.Equal(["https://app.example", "http://localhost:5173"], cors.GetProperty("allowedOrigins").EnumerateArray().Select(o => o.GetString()));
        Assert.False(cors.GetProperty("supportCredentials").GetBoolean());
    }

    [Fact]
    public async Task Negotiate_settings_come_from_the_azd_variables_and_stay_closed_to_anonymous_callers_by_default()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("https://login.example/tenant/v2.0", settings["ClientAuthentication__Authority"]);
        Assert.Equal("api://stomp,0000-client", settings["ClientAuthentication__Audiences"]);
        Assert.Equal("sub", settings["ClientAuthentication__UserIdClaim"]);
        Assert.Equal("roles", settings["ClientAuthentication__RoleClaim"]);
        Assert.Equal("False", settings["ClientAuthentication__AllowAnonymous"]);
        Assert.Equal("False", settings["DestinationRules__DefaultsIncludeAnonymous"]);
    }

    [Fact]
    public async Task Destination_rules_become_the_indexed_settings_DestinationRulesOptions_binds()
    {
        var rules = (await AppSettingsAsync())
            .Where(pair => pair.Key.StartsWith("DestinationRules__Rules__", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value}");

        Assert.Equal(
            [
                "DestinationRules__Rules__0__Pattern=/topic/**",
                "DestinationRules__Rules__0__Send__0=publisher",
                "DestinationRules__Rules__0__Send__1=admin",
                "DestinationRules__Rules__0__Subscribe__0=*",
                "DestinationRules__Rules__1__Pattern=/user/**",
                "DestinationRules__Rules__1__Send__0=@authenticated",
                "DestinationRules__Rules__1__Subscribe__0=@authenticated",
                "DestinationRules__Rules__2__Pattern=/queue/orders.*",
                "DestinationRules__Rules__2__Subscribe__0=@authenticated",
            ],
            rules);
    }

    [Fact]
    public async Task The_app_logs_its_own_categories_at_Information_to_Application_Insights()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("Information", settings["Logging__ApplicationInsights__LogLevel__StompFunctions"]);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
