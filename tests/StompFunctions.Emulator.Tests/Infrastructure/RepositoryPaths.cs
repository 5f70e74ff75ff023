namespace StompFunctions.Emulator.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder holding StompFunctions.sln) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 12; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StompFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (StompFunctions.sln) was not found above " + AppContext.BaseDirectory);
    }
}
