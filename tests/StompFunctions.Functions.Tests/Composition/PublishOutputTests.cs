using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Functions.Tests.Composition;

/// <summary>What azd deploys: the publish output of the Functions app, made from the build these tests run against.</summary>
public sealed class PublishOutputTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_publish_output_holds_host_json_and_functions_metadata_and_no_local_settings()
    {
        var output = Directory.CreateTempSubdirectory("functions-publish-").FullName;
        try
        {
            var (exitCode, log) = await PublishAsync(output);
            Assert.True(exitCode == 0, log);

            Assert.True(File.Exists(Path.Combine(output, "host.json")), "host.json is missing");
            Assert.False(File.Exists(Path.Combine(output, "local.settings.json")), "local.settings.json must never be deployed");
            using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")));
            Assert.Equal(
                [FunctionNames.Collector, FunctionNames.EventGrid, FunctionNames.Negotiate, FunctionNames.Publish, FunctionNames.WebPubSub],
                metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary><c>dotnet publish --no-build</c> of the configuration this test assembly was built in (the app is built with it).</summary>
    private static async Task<(int ExitCode, string Log)> PublishAsync(string output)
    {
        var configuration = typeof(PublishOutputTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var project = Path.Combine(RepositoryRoot.Find(), "src", "StompFunctions.Functions", "StompFunctions.Functions.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", project, "-c", configuration, "--no-build", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return (process.HasExited ? process.ExitCode : -1, await stdout + await stderr);
    }
}
