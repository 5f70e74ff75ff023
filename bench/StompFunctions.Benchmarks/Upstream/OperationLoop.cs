using System.Diagnostics;

namespace StompFunctions.Benchmarks.Upstream;

/// <summary>
/// The loop of the one-event benchmarks: a warm-up (JIT tiers, slow on a loaded machine; connection pools; the tables'
/// creation), then one operation at a time for a number of seconds, each started at once or at a given pace.
/// </summary>
internal static class OperationLoop
{
    private const int MaxOps = 1_000_000;

    /// <summary>Runs <paramref name="op"/> for half the measured time, and at least two seconds.</summary>
    public static async Task WarmUpAsync(Func<Task> op, double seconds)
    {
        var warmUntil = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * Math.Max(seconds / 2, 2));
        for (var i = 0; i < MaxOps && Stopwatch.GetTimestamp() < warmUntil; i++)
        {
            await op();
        }
    }

    /// <summary>
    /// Runs <paramref name="op"/> for <paramref name="seconds"/> (and at most a million times); with an
    /// <paramref name="interval"/>, operation n starts no earlier than n intervals after the first. Returns the count
    /// and the time they took.
    /// </summary>
    public static async Task<(long Ops, TimeSpan Elapsed)> RunAsync(Func<Task> op, double seconds, TimeSpan? interval = null)
    {
        long ops = 0;
        var wall = Stopwatch.StartNew();
        while (wall.Elapsed.TotalSeconds < seconds && ops < MaxOps)
        {
            if (interval is { } every && every * ops - wall.Elapsed is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await op();
            ops++;
        }

        return (ops, wall.Elapsed);
    }
}
