using System.Globalization;

namespace StompFunctions.Emulator.Load;

/// <summary>CPU time (user + system) of another process, read from /proc on Linux; zero elsewhere or without a pid.</summary>
internal static class CpuTime
{
    // USER_HZ is 100 on every mainstream Linux build; /proc/PID/stat reports in those ticks.
    private const double TicksPerSecond = 100;

    public static TimeSpan OfProcess(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
        {
            return TimeSpan.Zero;
        }

        // The command name (field 2) may contain spaces; the numeric fields start after its closing parenthesis.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
