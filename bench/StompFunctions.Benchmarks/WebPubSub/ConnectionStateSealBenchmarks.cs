using BenchmarkDotNet.Attributes;
using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.Benchmarks.WebPubSub;

/// <summary>
/// The per-event cost of the <c>ce-connectionState</c> MAC: opening the state every event brings (one HMAC-SHA256 under
/// the primary key, two when the secondary key sealed it) and sealing the state an event changes. Target: ≤ 1–2 µs per
/// event. State sizes: a typical session (about 200 characters) and one just under the 2 KiB spill threshold.
/// </summary>
[MemoryDiagnoser]
public class ConnectionStateSealBenchmarks
{
    private const string ConnectionId = "Pa1bU7c8sHqN3Yy0Zk5mGw";

    private readonly ConnectionStateSeal _seal = new(["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH", "secondary-key-value"]);
    private string _state = null!;
    private string _sealed = null!;
    private string _sealedBySecondary = null!;

    [Params(200, 2000)]
    public int StateChars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _state = new string('x', StateChars);
        _sealed = _seal.Seal(ConnectionId, _state);
        _sealedBySecondary = new ConnectionStateSeal(["secondary-key-value"]).Seal(ConnectionId, _state);
    }

    [Benchmark]
    public string Seal() => _seal.Seal(ConnectionId, _state);

    [Benchmark]
    public bool Open() => _seal.TryOpen(ConnectionId, _sealed, out _);

    [Benchmark]
    public bool OpenSealedBySecondaryKey() => _seal.TryOpen(ConnectionId, _sealedBySecondary, out _);
}
