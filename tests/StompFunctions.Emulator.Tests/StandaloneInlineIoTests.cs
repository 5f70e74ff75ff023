using StompFunctions.Emulator.Standalone;

namespace StompFunctions.Emulator.Tests;

public sealed class StandaloneInlineIoTests
{
    [Theory]
    [InlineData(null, null, "1", "1")]
    [InlineData("1", null, "1", "1")]
    [InlineData("1", "4", "1", "4")]
    [InlineData("0", null, "0", null)]
    [InlineData("0", "2", "0", "2")]
    public void The_environment_decides_and_otherwise_completions_are_inline_on_one_event_thread(string? completions, string? threads, string expectedCompletions, string? expectedThreads)
    {
        var (decidedCompletions, decidedThreads) = StandaloneInlineIo.Decide(completions, threads);

        Assert.Equal(expectedCompletions, decidedCompletions);
        Assert.Equal(expectedThreads, decidedThreads);
    }
}
