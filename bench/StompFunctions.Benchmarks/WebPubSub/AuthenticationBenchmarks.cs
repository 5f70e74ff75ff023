using System.Text;
using BenchmarkDotNet.Attributes;
using StompFunctions.WebPubSub.Authentication;
using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.Benchmarks.WebPubSub;

/// <summary>
/// The two per-request costs of the Web PubSub adapter: minting the access-key JWT of each REST call and
/// checking the <c>ce-signature</c> of each upstream event (primary and secondary key, two-entry header).
/// </summary>
[MemoryDiagnoser]
public class AuthenticationBenchmarks
{
    private const string ConnectionId = "Pa1bU7c8sHqN3Yy0Zk5mGw";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    private readonly SignatureValidator _validator = new(["secondary-key-value", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH"]);
    private string _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        var hex = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(ConnectionId)));
        _signature = "sha256=" + new string('0', 64) + ",sha256=" + hex;
    }

    [Benchmark]
    public string RestCallToken() =>
        AccessKeyJwt.Create(Key, "https://demo.webpubsub.azure.com/api/hubs/stomp/groups/stomp.topic.chat.0123456789abcdef0123456789abcdef/:send?api-version=2024-01-01", Now, TimeSpan.FromMinutes(5));

    [Benchmark]
    public bool UpstreamSignatureCheck() => _validator.IsValid(ConnectionId, _signature);
}
