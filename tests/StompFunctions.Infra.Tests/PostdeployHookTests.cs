using System.Text.Json;
using StompFunctions.Infra.Tests.Support;

namespace StompFunctions.Infra.Tests;

/// <summary>scripts/postdeploy.sh run against fake az, azd and sleep programs that record what the hook asks of them.</summary>
public sealed class PostdeployHookTests
{
    private const string Subscription = "11111111-2222-3333-4444-555555555555";

    private static readonly Dictionary<string, string> Provisioned = new()
    {
        ["AZURE_SUBSCRIPTION_ID"] = Subscription,
        ["AZURE_RESOURCE_GROUP"] = "rg-test",
        ["AZURE_FUNCTION_NAME"] = "func-test",
        ["AZURE_FUNCTION_URL"] = "https://func-test.azurewebsites.net",
        ["AZURE_KEY_VAULT_NAME"] = "kv-test",
        ["WEBPUBSUB_NAME"] = "wps-test",
        ["WEBPUBSUB_HUB"] = "stomp",
        ["WEBPUBSUB_ALLOW_ANONYMOUS"] = "false",
    };

    [Fact]
    public async Task Every_az_call_names_the_azd_subscription_and_the_hub_gets_the_stored_key_and_vault()
    {
        using var fake = new FakeAzureCli(Provisioned);

        var result = await RunHookAsync(fake);

        Assert.True(result.ExitCode == 0, result.ToString());
        var calls = fake.AzCalls();
        Assert.Equal(["functionapp function keys set", "deployment group create"], calls.Select(c => string.Join(' ', c.Take(c[0] == "functionapp" ? 4 : 3))));
        Assert.All(calls, call => Assert.Equal(Subscription, ValueOf(call, "--subscription")));

        Assert.Equal(["STOMP_UPSTREAM_KEY"], fake.AzdSets());
        var key = fake.AzdEnvironment()["STOMP_UPSTREAM_KEY"];
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, ValueOf(calls[0], "--key-value"));
        Assert.DoesNotContain(calls[1], argument => argument.Contains(key, StringComparison.Ordinal));

        using var parameters = JsonDocument.Parse(fake.HubParameters()!);
        var values = parameters.RootElement.GetProperty("parameters");
        Assert.Equal(key, values.GetProperty("upstreamKey").GetProperty("value").GetString());
        Assert.Equal("kv-test", values.GetProperty("keyVaultName").GetProperty("value").GetString());
        Assert.Equal("func-test.azurewebsites.net", values.GetProperty("functionHostName").GetProperty("value").GetString());
        Assert.False(values.GetProperty("allowAnonymousConnect").GetProperty("value").GetBoolean());
    }

    [Fact]
    public async Task A_key_already_in_the_azd_environment_is_reused()
    {
        using var fake = new FakeAzureCli(new Dictionary<string, string>(Provisioned) { ["STOMP_UPSTREAM_KEY"] = "abc123" });

        var result = await RunHookAsync(fake);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(fake.AzdSets());
        Assert.Equal("abc123", ValueOf(fake.AzCalls()[0], "--key-value"));
    }

    [Fact]
    public async Task A_failure_that_lasts_ends_the_hook_with_the_last_error_after_twelve_tries()
    {
        using var fake = new FakeAzureCli(Provisioned);

        var result = await RunHookAsync(fake, keyFailures: int.MaxValue);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(12, fake.AzCalls().Count);
        Assert.Equal(11, fake.Sleeps().Count);
        Assert.Contains("Giving up: Setting the function key of 'webpubsub' on func-test failed 12 times.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("(ResourceGroupNotFound) Resource group 'rg-test' could not be found. [fake call 12]", result.StandardError, StringComparison.Ordinal);
        Assert.Null(fake.HubParameters());
    }

    [Fact]
    public async Task Passing_failures_are_retried_and_the_hub_deployment_too()
    {
        using var fake = new FakeAzureCli(Provisioned);

        var result = await RunHookAsync(fake, keyFailures: 2, deploymentFailures: 1);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, fake.AzCalls().Count);
        Assert.Equal(["10", "10", "30"], fake.Sleeps());
    }

    [Fact]
    public async Task A_hub_deployment_that_keeps_failing_surfaces_its_error()
    {
        using var fake = new FakeAzureCli(Provisioned);

        var result = await RunHookAsync(fake, deploymentFailures: int.MaxValue);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Giving up: Deploying the event handler of hub 'stomp' failed 6 times.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("[fake call 6]", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_provisioned_environment_the_hook_stops_before_calling_az()
    {
        using var fake = new FakeAzureCli(new Dictionary<string, string>(Provisioned) { ["AZURE_SUBSCRIPTION_ID"] = "" });

        var result = await RunHookAsync(fake);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("AZURE_SUBSCRIPTION_ID", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(fake.AzCalls());
    }

    private static Task<ProcessResult> RunHookAsync(FakeAzureCli fake, int keyFailures = 0, int deploymentFailures = 0) =>
        ProcessRunner.RunAsync("sh", [RepositoryPaths.Of("scripts/postdeploy.sh")], environment: fake.Environment(keyFailures, deploymentFailures), timeout: TimeSpan.FromSeconds(60));

    private static string? ValueOf(IReadOnlyList<string> call, string option)
    {
        var index = call.ToList().IndexOf(option);
        return index >= 0 && index + 1 < call.Count ? call[index + 1] : null;
    }
}
