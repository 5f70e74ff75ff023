namespace StompFunctions.Tables.Tests.Azurite;

/// <summary>Finds the repository root (the folder holding StompFunctions.sln) above the test assembly.</summary>
internal static class RepositoryRoot
{
    private const int MaxLevels = 12;

    public static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var level = 0; directory is not null && level < MaxLevels; level++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StompFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"StompFunctions.sln was not found above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}
