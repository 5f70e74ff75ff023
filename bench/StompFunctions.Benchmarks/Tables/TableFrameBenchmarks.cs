using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StompFunctions.Broker;

namespace StompFunctions.Benchmarks.Tables;

/// <summary>
/// Latency of each frame type through the engine on the Table store against a running Azurite
/// (docs/benchmarks.md has the command). The request count per frame type comes from
/// <c>dotnet run -- --table-requests</c> (<see cref="TableRequestReport"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class TableFrameBenchmarks
{
    private const string ConnectionId = "bench-connection";
    private TableFrameBench _bench = null!;
    private string _connected = "";
    private string _subscribed = "";

    [GlobalSetup]
    public void Setup()
    {
        _bench = new TableFrameBench();
        (_connected, _subscribed) = _bench.PrepareAsync(ConnectionId).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "CONNECT")]
    public ValueTask<StompMessageResult> Connect() => TableFrameBench.ConnectAsync(_bench, ConnectionId);

    [Benchmark(Description = "SUBSCRIBE")]
    public ValueTask<StompMessageResult> Subscribe() => _bench.RunAsync(ConnectionId, _connected, _bench.Subscribe);

    [Benchmark(Description = "SEND (1 route)")]
    public ValueTask<StompMessageResult> Send() => _bench.RunAsync(ConnectionId, _subscribed, _bench.Send);

    [Benchmark(Description = "UNSUBSCRIBE")]
    public ValueTask<StompMessageResult> Unsubscribe() => _bench.RunAsync(ConnectionId, _subscribed, TableFrameBench.Unsubscribe);

    [Benchmark(Description = "DISCONNECT (1 subscription)")]
    public ValueTask<StompMessageResult> Disconnect() => _bench.RunAsync(ConnectionId, _subscribed, TableFrameBench.Disconnect);

    // In process: the latency is dominated by Azurite round-trips, and a separate benchmark process
    // would need its own build, which times out on a loaded machine.
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
    }
}
