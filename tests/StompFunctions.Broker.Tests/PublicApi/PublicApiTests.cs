using System.Runtime.CompilerServices;

namespace StompFunctions.Broker.Tests.PublicApi;

/// <summary>
/// The engine's public surface is recorded in <c>StompFunctions.Broker.api.txt</c> beside this file; a change to
/// it fails here until the record is updated on purpose (run the tests with <c>STOMP_UPDATE_PUBLIC_API=1</c> to
/// rewrite it, then review the diff).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_surface_of_the_engine_matches_its_record()
    {
        var actual = PublicApiListing.For(typeof(StompEngine).Assembly);
        if (Environment.GetEnvironmentVariable("STOMP_UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(SourceRecordPath(), actual);
            return;
        }

        var copied = Path.Combine(AppContext.BaseDirectory, "PublicApi", "StompFunctions.Broker.api.txt");
        var expected = File.ReadAllText(copied).ReplaceLineEndings("\n");
        var added = actual.Split('\n').Except(expected.Split('\n')).ToList();
        var removed = expected.Split('\n').Except(actual.Split('\n')).ToList();

        Assert.True(
            added.Count == 0 && removed.Count == 0,
            $"The public API changed. Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}\n"
            + "If intended, rerun with STOMP_UPDATE_PUBLIC_API=1 and commit StompFunctions.Broker.api.txt.");
    }

    private static string SourceRecordPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "StompFunctions.Broker.api.txt");
}
