namespace StompFunctions.Infra.Tests.Support;

/// <summary>Paths of the deployment files, found from the test binaries upwards.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    public static string Of(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    /// <summary>Every .bicep file under infra/, relative to the repository root with forward slashes.</summary>
    public static IReadOnlyList<string> BicepFiles() =>
        [.. Directory.EnumerateFiles(Of("infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 12; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "azure.yaml")) && Directory.Exists(Path.Combine(directory.FullName, "infra")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (azure.yaml) above " + AppContext.BaseDirectory);
    }
}
