using System.Text.Json;
using StompFunctions.Infra.Tests.Support;

namespace StompFunctions.Infra.Tests;

/// <summary>
/// `bicep build` and `bicep lint` (Bicep 0.49.2, the real compiler) on every template something deploys, with
/// warnings treated as errors: any diagnostic line fails. Building main.bicep compiles every module it uses.
/// </summary>
public sealed class BicepCompilerTests
{
    /// <summary>What gets deployed: main.bicep by azd, the hub module alone by scripts/postdeploy.*.</summary>
    public static TheoryData<string> EntryPoints => ["infra/main.bicep", "infra/app/webpubsub-hub.bicep"];

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task Builds_without_any_diagnostic(string file)
    {
        var result = await BicepCli.BuildAsync(file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(BicepCli.Diagnostics(result));
        Assert.StartsWith("{", result.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task Lints_without_any_diagnostic(string file)
    {
        var result = await BicepCli.LintAsync(file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(BicepCli.Diagnostics(result));
    }

    [Fact]
    public void Every_module_file_is_compiled_through_main_bicep()
    {
        var main = File.ReadAllText(RepositoryPaths.Of("infra/main.bicep"));

        foreach (var file in RepositoryPaths.BicepFiles().Where(f => f != "infra/main.bicep"))
        {
            Assert.Contains($"'{file["infra/".Length..]}'", main, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("api")]
    [InlineData("hub")]
    public async Task Modules_that_need_Key_Vault_access_wait_for_the_role_assignments(string module)
    {
        // The app resolves its settings' references when they are written; the service resolves the handler's
        // reference when the handler is set. Both need their Key Vault Secrets User role by then.
        var result = await BicepCli.BuildAsync("infra/main.bicep");
        using var template = JsonDocument.Parse(result.StandardOutput);

        var dependsOn = template.RootElement.GetProperty("resources").GetProperty(module).GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString());

        Assert.Contains("rbac", dependsOn);
    }

    [Fact]
    public async Task A_lint_warning_is_seen_as_a_failure()
    {
        var result = await OnTemporaryFileAsync("param unused string\n", BicepCli.LintAsync);

        var diagnostic = Assert.Single(BicepCli.Diagnostics(result));
        Assert.Contains("Warning no-unused-params", diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compile_error_fails_the_build()
    {
        var result = await OnTemporaryFileAsync("resource r 'Microsoft.Web/sites@2024-04-01' = {\n  name: undeclared\n", BicepCli.BuildAsync);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(BicepCli.Diagnostics(result), line => line.Contains(" : Error ", StringComparison.Ordinal));
    }

    private static async Task<ProcessResult> OnTemporaryFileAsync(string bicep, Func<string, Task<ProcessResult>> run)
    {
        var directory = Directory.CreateTempSubdirectory("bicep-check-");
        try
        {
            var file = Path.Combine(directory.FullName, "check.bicep");
            await File.WriteAllTextAsync(file, bicep);
            return await run(file);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
