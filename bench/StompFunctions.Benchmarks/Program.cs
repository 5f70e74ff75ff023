using BenchmarkDotNet.Running;
using StompFunctions.Benchmarks.Codec;
using StompFunctions.Benchmarks.Engine;
using StompFunctions.Benchmarks.Tables;
using StompFunctions.Benchmarks.Upstream;

// `-- --compare-stompjs [seconds]` runs the side-by-side parser comparison with Node; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--compare-stompjs")
{
    return StompjsComparison.Run(args[1..]);
}

// `-- --table-requests` prints the Table requests each frame type costs (needs a running Azurite, see docs/benchmarks.md).
if (args.Length > 0 && args[0] == TableRequestReport.Command)
{
    await TableRequestReport.RunAsync(Console.Out);
    return 0;
}

// `-- --queue-requests [frames]` prints Table requests, REST calls and latency of queue frames (needs a running Azurite).
if (args.Length > 0 && args[0] == QueueRequestReport.Command)
{
    return await QueueRequestReport.RunAsync(args[1..], Console.Out);
}

// `-- --engine-cpu [seconds]` times the engine scenarios in CPU time as well as wall clock (for loaded machines).
if (args.Length > 0 && args[0] == "--engine-cpu")
{
    return EngineCpuRun.Run(args[1..]);
}

// `-- --upstream-cpu [seconds]` measures one upstream SEND over real HTTP, in memory and on Table Storage (Azurite).
if (args.Length > 0 && args[0] == UpstreamCpuRun.Command)
{
    return await UpstreamCpuRun.RunAsync(args[1..], Console.Out);
}

// `-- --upstream-allocations [seconds] [tables]` lists the types one upstream SEND allocates, from the runtime's samples.
if (args.Length > 0 && args[0] == UpstreamAllocationRun.Command)
{
    return await UpstreamAllocationRun.RunAsync(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(EngineCpuRun).Assembly).Run(args);
return 0;
