using System.Globalization;
using StompFunctions.Benchmarks.Tables;

namespace StompFunctions.Benchmarks.Upstream;

/// <summary>
/// <c>-- --upstream-allocations [seconds] [tables]</c>: which types one upstream SEND over real HTTP allocates
/// (<see cref="UpstreamHttpStack"/>, the same path as <see cref="UpstreamCpuRun"/>), estimated from the runtime's
/// allocation samples (<see cref="AllocationSampler"/>). In memory by default; <c>tables</c> runs it on Table Storage
/// (Azurite, or <c>STOMP_BENCH_TABLES</c>). Client, app and emulator share the process, so the list holds all three.
/// </summary>
internal static class UpstreamAllocationRun
{
    public const string Command = "--upstream-allocations";

    private const int Shown = 60;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        HostingRuntime.Apply();
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var tables = args.Length > 1 && args[1] == "tables"
            ? Environment.GetEnvironmentVariable(TableFrameBench.ConnectionStringVariable) ?? "UseDevelopmentStorage=true"
            : null;
        using var sampler = new AllocationSampler();
        await using var stack = await UpstreamHttpStack.StartAsync(tables, Guid.NewGuid().ToString("N")[..10]);

        await OperationLoop.WarmUpAsync(stack.SendAsync, seconds);
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        sampler.Start();
        var (ops, _) = await OperationLoop.RunAsync(stack.SendAsync, seconds);
        var types = sampler.Stop();
        var bytes = (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / ops;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"SEND over HTTP, {(tables is null ? "in-memory store" : "Table store")}: {ops:N0} operations, {bytes:N0} bytes each (exact); by type, from samples:"));
        await output.WriteLineAsync("| type | bytes/op (sampled) |");
        await output.WriteLineAsync("|---|---:|");
        foreach (var (type, sum) in types.Take(Shown))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| `{type}` | {(double)sum / ops:F0} |"));
        }

        return 0;
    }
}
