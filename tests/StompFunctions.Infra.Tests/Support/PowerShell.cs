using System.Reflection;

namespace StompFunctions.Infra.Tests.Support;

/// <summary>PowerShell 7 (the PowerShell global tool package, restored by this project's PackageDownload), run with `dotnet`.</summary>
internal static class PowerShell
{
    private static readonly Lazy<string> Path = new(Locate);

    /// <summary>The tool's entry assembly: <c>dotnet {EntryPoint} -NoProfile -Command …</c>.</summary>
    public static string EntryPoint => Path.Value;

    private static string Locate()
    {
        var path = typeof(PowerShell).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "PowerShellEntryPoint").Value;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"No PowerShell at '{path}': run `dotnet restore tests/StompFunctions.Infra.Tests`.");
        }

        return path!;
    }
}
