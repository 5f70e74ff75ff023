using System.Diagnostics;
using System.Globalization;
using StompFunctions.Broker;

namespace StompFunctions.Benchmarks.Engine;

/// <summary>
/// <c>-- --engine-cpu [seconds]</c>: runs each <see cref="EngineBenchmarks"/> scenario in a loop and reports
/// microseconds per operation both in wall-clock time and in CPU time of this process, plus bytes allocated
/// per operation. On a shared, overloaded machine the CPU figure is the meaningful one.
/// </summary>
internal static class EngineCpuRun
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var bench = new EngineBenchmarks();
        bench.Setup();
        (string Name, Func<StompMessageResult> Op)[] scenarios =
        [
            ("SendOneRoute", bench.SendOneRoute),
            ("SendTenRoutes", bench.SendTenRoutes),
            ("SendOneRouteWithoutClaims", bench.SendOneRouteWithoutClaims),
            ("SendNoRoute", bench.SendNoRoute),
            ("HeartBeat", bench.HeartBeat),
            ("Subscribe", bench.Subscribe),
            ("Connect", bench.Connect),
        ];

        // Warm every scenario up before measuring any (tiered JIT compiles shared code in the background,
        // which a loaded machine delays), each for a quarter of the measuring time, bounded in count.
        foreach (var (_, op) in scenarios)
        {
            var warmUntil = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * seconds / 4);
            for (var i = 0; i < 1_000_000 && Stopwatch.GetTimestamp() < warmUntil; i++)
            {
                op();
            }
        }

        Console.WriteLine("| scenario | ops | wall µs/op | CPU µs/op | bytes/op |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, op) in scenarios)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var wall = Stopwatch.StartNew();
            long ops = 0;
            while (wall.Elapsed.TotalSeconds < seconds && ops < 100_000_000)
            {
                for (var i = 0; i < 1000; i++)
                {
                    op();
                }

                ops += 1000;
            }

            wall.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {ops:N0} | {wall.Elapsed.TotalMicroseconds / ops:F2} | {cpu.TotalMicroseconds / ops:F2} | {allocated / ops:N0} |"));
        }

        return 0;
    }
}
