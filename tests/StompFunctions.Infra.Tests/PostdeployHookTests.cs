using System.Text.Json;
using StompFunctions.Infra.Tests.Support;

namespace StompFunctions.Infra.Tests;

/// <summary>
/// scripts/postdeploy.sh (sh) and scripts/postdeploy.ps1 (PowerShell) run against fake az, azd and sleep programs
/// that record what the hook asks of them (PowerShell's Start-Sleep is replaced by a function that records too).
/// </summary>
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

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Every_az_call_names_the_azd_subscription_and_the_hub_gets_the_stored_key_and_vault(string shell)
    {
        using var fake = new FakeAzureCli(Provisioned);

        var result = await RunHookAsync(shell, fake);

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

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_key_already_in_the_azd_environment_is_reused(string shell)
    {
        using var fake = new FakeAzureCli(new Dictionary<string, string>(Provisioned) { ["STOMP_UPSTREAM_KEY"] = "abc123" });

        var result = await RunHookAsync(shell, fake);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(fake.AzdSets());
        Assert.Equal("abc123", ValueOf(fake.AzCalls()[0], "--key-value"));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_failure_that_lasts_ends_the_hook_with_the_last_error_after_twelve_tries(string shell)
    {
        using var fake = new FakeAzureCli(Provisioned);

        var result = await RunHookAsync(shell, fake, keyFailures: int.MaxValue);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(12, fake.AzCalls().Count);
        Assert.Equal(11, fake.Sleeps().Count);
        Assert.Contains("Giving up: Setting the function key of 'webpubsub' on func-test failed 12 times.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("(ResourceGroupNotFound) Resource group 'rg-test' could not be found. [fake call 12]", result.StandardError, StringComparison.Ordinal);
        Assert.Null(fake.HubParameters());
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Passing_failures_are_retried_and_the_hub_deployment_too(string shell)
    {
        using var fake = new FakeAzureCli(Provisioned);

        var result = await RunHookAsync(shell, fake, keyFailures: 2, deploymentFailures: 1);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, fake.AzCalls().Count);
        Assert.Equal(["10", "10", "30"], fake.Sleeps());
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_hub_deployment_that_keeps_failing_surfaces_its_error(string shell)
    {
        using var fake = new FakeAzureCli(Provisioned);

        var result = await RunHookAsync(shell, fake, deploymentFailures: int.MaxValue);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Giving up: Deploying the event handler of hub 'stomp' failed 6 times.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("[fake call 6]", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Without_a_provisioned_environment_the_hook_stops_before_calling_az(string shell)
    {
        using var fake = new FakeAzureCli(new Dictionary<string, string>(Provisioned) { ["AZURE_SUBSCRIPTION_ID"] = "" });

        var result = await RunHookAsync(shell, fake);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("AZURE_SUBSCRIPTION_ID", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(fake.AzCalls());
    }

    public static TheoryData<string> Shells => ["sh", "pwsh"];

    private static Task<ProcessResult> RunHookAsync(string shell, FakeAzureCli fake, int keyFailures = 0, int deploymentFailures = 0)
    {
        var environment = fake.Environment(keyFailures, deploymentFailures);
        var timeout = TimeSpan.FromSeconds(90);
        if (shell == "sh")
        {
            return ProcessRunner.RunAsync("sh", [RepositoryPaths.Of("scripts/postdeploy.sh")], environment: environment, timeout: timeout);
        }

        const string RecordingSleep = "function Start-Sleep { param([int]$Seconds) Add-Content -Path (Join-Path $env:FAKE_DIR 'sleeps') -Value $Seconds }";
        var script = RepositoryPaths.Of("scripts/postdeploy.ps1").Replace("'", "''", StringComparison.Ordinal);
        return ProcessRunner.RunAsync("dotnet", [PowerShell.EntryPoint, "-NoProfile", "-NonInteractive", "-Command", $"{RecordingSleep}; & '{script}'; exit $LASTEXITCODE"],
            environment: environment, timeout: timeout);
    }

    private static string? ValueOf(IReadOnlyList<string> call, string option)
    {
        var index = call.ToList().IndexOf(option);
        return index >= 0 && index + 1 < call.Count ? call[index + 1] : null;
    }
}
