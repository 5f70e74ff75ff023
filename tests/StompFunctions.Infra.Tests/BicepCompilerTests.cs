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

    [Fact]
    public async Task A_lint_warning_is_seen_as_a_failure()
    {
        var directory = Directory.CreateTempSubdirectory("bicep-lint-");
        try
        {
            var file = Path.Combine(directory.FullName, "unused.bicep");
            await File.WriteAllTextAsync(file, "param unused string\n");

            var result = await BicepCli.LintAsync(file);

            var diagnostic = Assert.Single(BicepCli.Diagnostics(result));
            Assert.Contains("Warning no-unused-params", diagnostic, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_compile_error_fails_the_build()
    {
        var directory = Directory.CreateTempSubdirectory("bicep-build-");
        try
        {
            var file = Path.Combine(directory.FullName, "broken.bicep");
            await File.WriteAllTextAsync(file, "resource r 'Microsoft.Web/sites@2024-04-01' = {\n  name: undeclared\n");

            var result = await BicepCli.BuildAsync(file);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(BicepCli.Diagnostics(result), line => line.Contains(" : Error ", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
