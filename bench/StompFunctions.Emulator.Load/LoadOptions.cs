using System.Globalization;

namespace StompFunctions.Emulator.Load;

/// <summary>
/// Command line: <c>--connection-string "Endpoint=…;AccessKey=…" --hub bench --connections 10000 --rounds 20
/// [--server-pid N]</c>. With the server's process id (Linux), each round also reports the CPU time the server
/// spent, which stays meaningful when other work on the machine stretches wall-clock latencies.
/// </summary>
internal sealed record LoadOptions(string ConnectionString, string Hub, int Connections, int Rounds, int ConnectParallelism, int PayloadBytes, int? ServerPid)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new LoadOptions(
            values.GetValueOrDefault("connection-string") ?? throw new ArgumentException("--connection-string is required (the emulator prints it at start)."),
            values.GetValueOrDefault("hub") ?? "bench",
            Int(values, "connections", 10_000),
            Int(values, "rounds", 20),
            Int(values, "connect-parallelism", 100),
            Int(values, "payload-bytes", 256),
            values.TryGetValue("server-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
