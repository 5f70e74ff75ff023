using System.Diagnostics;
using System.Text;

namespace StompFunctions.Emulator.Tests.Infrastructure;

/// <summary>
/// Runs a judge script (tests/StompFunctions.Emulator.Tests/Judges/*.mjs) with Node, bounded in time. Node
/// resolves Microsoft's SDKs from the repository's node_modules.
/// </summary>
internal static class NodeJudge
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(string script, WebPubSubEmulatorHost emulator, string hub, int upstreamPort)
    {
        var root = RepositoryPaths.Root;
        foreach (var package in new[] { "@azure/web-pubsub", "@azure/web-pubsub-express", "express", "ws" })
        {
            Assert.True(
                Directory.Exists(Path.Combine(root, "node_modules", package)),
                $"node_modules/{package} is missing: run `npm ci` at the repository root (scripts/test.sh does it) before these tests.");
        }

        var start = new ProcessStartInfo("node", Path.Combine(root, "tests", "StompFunctions.Emulator.Tests", "Judges", script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["EMULATOR_CONNECTION_STRING"] = emulator.ConnectionString;
        start.Environment["EMULATOR_HUB"] = hub;
        start.Environment["UPSTREAM_PORT"] = upstreamPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; is Node.js 20+ on the PATH?");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine("stderr: " + e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not finish within {Timeout.TotalSeconds} s. Output:\n{Snapshot(output)}");
        }

        // WaitForExitAsync also waits for the redirected streams to drain.
        var text = Snapshot(output);
        Assert.True(process.ExitCode == 0 && text.Contains("JUDGE-PASS", StringComparison.Ordinal), $"{script} failed (exit {process.ExitCode}). Output:\n{text}");
        return text;
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
