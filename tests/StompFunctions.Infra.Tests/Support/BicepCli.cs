using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StompFunctions.Infra.Tests.Support;

/// <summary>
/// The real Bicep compiler (Azure.Bicep.CommandLine.linux-x64, restored by this project's PackageDownload):
/// build, lint, and snapshot, which evaluates a template for given parameter values without Azure.
/// </summary>
internal static partial class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static Task<ProcessResult> BuildAsync(string file) =>
        ProcessRunner.RunAsync(Executable.Value, ["build", RepositoryPaths.Of(file), "--stdout"]);

    public static Task<ProcessResult> LintAsync(string file) =>
        ProcessRunner.RunAsync(Executable.Value, ["lint", RepositoryPaths.Of(file)]);

    /// <summary>Error, warning and info lines (<c>file(line,col) : Warning rule: message</c>) in a run's output.</summary>
    public static IReadOnlyList<string> Diagnostics(ProcessResult result) =>
        [.. (result.StandardError + "\n" + result.StandardOutput)
            .Split('\n')
            .Where(line => DiagnosticLine().IsMatch(line))
            .Select(line => line.Trim())];

    /// <summary>
    /// The resources <c>bicep snapshot</c> predicts for <paramref name="file"/> (a subscription-scope template, like
    /// main.bicep) deployed with these parameter values
    /// (strings, booleans, integers, string arrays, string-valued objects): expressions that need Azure (reference, listKeys) stay unevaluated.
    /// </summary>
    public static async Task<JsonElement> SnapshotAsync(string file, IReadOnlyDictionary<string, object> parameters)
    {
        var directory = Directory.CreateTempSubdirectory("bicep-snapshot-");
        try
        {
            var paramFile = Path.Combine(directory.FullName, "test.bicepparam");
            var text = new StringBuilder();
            // Bicep refuses absolute paths in `using`.
            text.Append("using '").Append(Path.GetRelativePath(directory.FullName, RepositoryPaths.Of(file)).Replace('\\', '/')).Append("'\n");
            foreach (var (name, value) in parameters)
            {
                text.Append("param ").Append(name).Append(" = ").Append(Literal(value)).Append('\n');
            }

            await File.WriteAllTextAsync(paramFile, text.ToString());
            var result = await ProcessRunner.RunAsync(Executable.Value, [
                "snapshot", paramFile, "--mode", "overwrite",
                "--subscription-id", "00000000-0000-0000-0000-000000000001", "--location", "swedencentral",
            ]);
            var snapshot = Path.Combine(directory.FullName, "test.snapshot.json");
            Assert.True(result.ExitCode == 0 && File.Exists(snapshot), "bicep snapshot failed: " + result);
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(snapshot));
            return document.RootElement.Clone();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Literal(object value) => value switch
    {
        string text => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, string> properties => "{ " + string.Join(", ", properties.Select(p => p.Key + ": " + Literal(p.Value))) + " }",
        IEnumerable<string> items => "[" + string.Join(", ", items.Select(Literal)) + "]",
        _ => throw new ArgumentException("No Bicep literal for " + value.GetType(), nameof(value)),
    };

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BicepExecutable").Value;
        if (!OperatingSystem.IsLinux() || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"No Bicep compiler at '{path}': these checks need Linux x64 and `dotnet restore tests/StompFunctions.Infra.Tests`.");
        }

        return path!;
    }

    [GeneratedRegex(@"\(\d+,\d+\) : (Error|Warning|Info) ")]
    private static partial Regex DiagnosticLine();
}
