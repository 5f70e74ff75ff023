using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Benchmarks.Tables;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Benchmarks.Upstream;

/// <summary>
/// <c>-- --upstream-cpu [seconds]</c>: CPU time and allocations per SEND on the production path over real HTTP
/// (<see cref="UpstreamHttpStack"/>), once on the in-memory store and once on Table Storage (Azurite by default,
/// <c>STOMP_BENCH_TABLES</c> to point elsewhere), plus the Table read, the event claim and the REST group send alone, and
/// the floor of one bare HTTP hop (<see cref="BareHttpHop"/>) and a client message through the emulator alone
/// (<see cref="EmulatorMessageHop"/>), and the in-memory SEND again at the Table SEND's pace. One event at
/// a time; CPU is this process's (client, app and emulator together), bytes are allocated on all its threads. The
/// process runs the hosting path as the DevHost does (<see cref="HostingRuntime"/>).
/// </summary>
internal static class UpstreamCpuRun
{
    public const string Command = "--upstream-cpu";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        HostingRuntime.Apply();
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var tables = Environment.GetEnvironmentVariable(TableFrameBench.ConnectionStringVariable) ?? "UseDevelopmentStorage=true";
        var suffix = Guid.NewGuid().ToString("N")[..10];
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"uptime: {Uptime()}; processors: {Environment.ProcessorCount}; thread-pool spin limit: {SpinLimit()}; {HostingRuntime.Describe()}"));
        await output.WriteLineAsync("| scenario | ops | wall µs/op | CPU µs/op | bytes/op |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|");

        await using (var hop = await BareHttpHop.StartAsync())
        {
            await MeasureAsync(output, "one bare HTTP hop (HttpClient → Kestrel, 204, nothing done)", seconds, hop.SendAsync);
        }

        await using (var emulatorHop = await EmulatorMessageHop.StartAsync())
        {
            await MeasureAsync(output, "client message through the emulator alone (WebSocket → event → answer)", seconds, emulatorHop.SendAsync);
        }

        Result memory;
        await using (var stack = await UpstreamHttpStack.StartAsync(tables: null, suffix))
        {
            memory = await MeasureAsync(output, "SEND over HTTP, in-memory store", seconds, stack.SendAsync);
            var gateway = StackGateway(stack);
            var payload = Encoding.UTF8.GetBytes("MESSAGE\ndestination:/topic/bench\n\nhello\0");
            await MeasureAsync(output, "REST group send alone (client → emulator)", seconds, () => gateway.SendToGroupAsync("bench-group", payload, PayloadKind.Text, CancellationToken.None).AsTask());
        }

        UpstreamHttpStack? tableStack = null;
        try
        {
            tableStack = await UpstreamHttpStack.StartAsync(tables, suffix);
        }
        catch (StompStoreUnavailableException e)
        {
            await output.WriteLineAsync($"Table scenarios skipped: {e.Message} (start Azurite or set {TableFrameBench.ConnectionStringVariable}).");
            return 1;
        }

        await using (tableStack)
        {
            var table = await MeasureAsync(output, "SEND over HTTP, Table store", seconds, tableStack.SendAsync);
            var store = tableStack.Store;
            await MeasureAsync(output, "Table read alone (GetRoutesAsync, 1 route)", seconds, async () =>
            {
                if ((await store.GetRoutesAsync(UpstreamHttpStack.RouteDestination, CancellationToken.None)).Count != 1)
                {
                    throw new InvalidOperationException("The seeded route is missing.");
                }
            });
            string? version = null;
            await MeasureAsync(output, "Table event claim alone (ClaimEventAsync)", seconds, async () =>
            {
                var claim = await store.ClaimEventAsync("bench-claims", version, CancellationToken.None);
                version = claim.Claimed ? claim.Version : throw new InvalidOperationException("A claim with the current version was lost.");
            });
            var paced = await MeasurePacedMemoryAsync(output, seconds, suffix, table);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"\nTable store beyond the in-memory path: {table.CpuMicroseconds - memory.CpuMicroseconds:F1} µs CPU and {table.Bytes - memory.Bytes:N0} bytes per SEND; at the Table store's pace: {table.CpuMicroseconds - paced.CpuMicroseconds:F1} µs CPU; uptime after: {Uptime()}"));
        }

        return 0;
    }

    private static IConnectionGateway StackGateway(UpstreamHttpStack stack) => stack.Services.GetRequiredService<IConnectionGateway>();

    /// <summary>
    /// The in-memory SEND again, started at the Table SEND's measured pace: a process that waits between events pays
    /// for each sleep and wake-up, so the store's own cost is the difference at one pace (docs/benchmarks.md, "The
    /// same throughput at one rate for all three"). The pause is a timer, whose allocations this row's bytes include.
    /// </summary>
    private static async Task<Result> MeasurePacedMemoryAsync(TextWriter output, double seconds, string suffix, Result table)
    {
        await using var stack = await UpstreamHttpStack.StartAsync(tables: null, suffix);
        var interval = TimeSpan.FromMicroseconds(table.WallMicroseconds);
        return await MeasureAsync(output, "SEND over HTTP, in-memory store, at the Table SEND's pace", seconds, stack.SendAsync, interval);
    }

    private static async Task<Result> MeasureAsync(TextWriter output, string name, double seconds, Func<Task> op, TimeSpan? interval = null)
    {
        await OperationLoop.WarmUpAsync(op, seconds);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (ops, elapsed) = await OperationLoop.RunAsync(op, seconds, interval);
        process.Refresh();
        var result = new Result(
            (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / ops,
            (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / ops,
            elapsed.TotalMicroseconds / ops);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {ops:N0} | {elapsed.TotalMicroseconds / ops:F1} | {result.CpuMicroseconds:F1} | {result.Bytes:N0} |"));
        return result;
    }

    // The environment variable (hexadecimal) wins over runtimeconfig.json, as in the runtime.
    private static string SpinLimit() =>
        Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") is { } hex ? $"0x{hex} (environment)"
        : AppContext.GetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit") is { } configured ? $"{configured} (runtimeconfig)"
        : "70 (runtime default)";

    private static string Uptime() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private readonly record struct Result(double CpuMicroseconds, long Bytes, double WallMicroseconds);
}
