using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Identifiers;
using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Benchmarks.Engine;

/// <summary>
/// One upstream message event through the engine with the in-memory ports: the state header decoded, the
/// frame parsed, routes read, one MESSAGE built per route and handed to the gateway. Routes are seeded
/// straight into the store and the gateway records nothing and has no members, so the numbers are the
/// engine's own work (target: SEND with 1 route ≤ 5 µs and ≤ 1 KiB allocated).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private StompEngine _engine = null!;
    private StompEngine _engineWithoutClaims = null!;
    private string _connectedState = null!;
    private string _sendState = null!;
    private byte[] _send1 = null!;
    private byte[] _send10 = null!;
    private byte[] _subscribe = null!;
    private byte[] _connect = null!;
    private byte[] _sendNobody = null!;
    private byte[] _heartBeat = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new InMemoryStateStore();
        var gateway = new InMemoryConnectionGateway { RecordOperations = false };
        _engine = new StompEngine(
            store, gateway, new StompHandlerRegistry(), Options.Create(new StompBrokerOptions()),
            TimeProvider.System, new RandomIdGenerator(), NullLogger<StompEngine>.Instance);
        _engineWithoutClaims = new StompEngine(
            store, gateway, new StompHandlerRegistry(), Options.Create(new StompBrokerOptions { ApplyEventsOnce = false }),
            TimeProvider.System, new RandomIdGenerator(), NullLogger<StompEngine>.Instance);
        Seed(store, "/topic/bench.one", 1);
        Seed(store, "/topic/bench.ten", 10);

        _connect = Encoding.UTF8.GetBytes("CONNECT\naccept-version:1.2,1.1,1.0\nheart-beat:10000,10000\n\n\0");
        var connected = _engine.HandleMessageAsync(new StompInboundMessage("bench", "user-1", null, _connect, PayloadKind.Text)).AsTask().GetAwaiter().GetResult();
        _connectedState = connected.ConnectionState;
        _sendState = _connectedState;

        // A typical stompjs SEND: JSON body of about 120 bytes, content-length and content-type, one user header.
        var body = "{\"symbol\":\"MSFT\",\"price\":427.31,\"volume\":1200,\"venue\":\"XNAS\",\"ts\":\"2026-11-23T18:00:00.000Z\",\"seq\":123456}";
        _send1 = Encoding.UTF8.GetBytes($"SEND\ndestination:/topic/bench.one\ncontent-type:application/json\nx-trace:abc123\ncontent-length:{body.Length}\n\n{body}\0");
        _send10 = Encoding.UTF8.GetBytes($"SEND\ndestination:/topic/bench.ten\ncontent-type:application/json\nx-trace:abc123\ncontent-length:{body.Length}\n\n{body}\0");
        _sendNobody = Encoding.UTF8.GetBytes($"SEND\ndestination:/topic/bench.none\ncontent-type:application/json\nx-trace:abc123\ncontent-length:{body.Length}\n\n{body}\0");
        _heartBeat = "\n"u8.ToArray();
        _subscribe = Encoding.UTF8.GetBytes("SUBSCRIBE\nid:sub-0\ndestination:/topic/bench.sub\nack:auto\n\n\0");
    }

    // A delivered SEND claims its event and returns the state with the new claim version: the next SEND carries it,
    // as the service hands it back (replaying one state would be a retry, which delivers nothing).
    [Benchmark]
    public StompMessageResult SendOneRoute() => Chain(_send1);

    [Benchmark]
    public StompMessageResult SendTenRoutes() => Chain(_send10);

    [Benchmark]
    public StompMessageResult SendOneRouteWithoutClaims()
    {
        var pending = _engineWithoutClaims.HandleMessageAsync(new StompInboundMessage("bench-off", "user-1", _connectedState, _send1, PayloadKind.Text));
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public StompMessageResult SendNoRoute() => Handle(_connectedState, _sendNobody);

    [Benchmark]
    public StompMessageResult HeartBeat() => Handle(_connectedState, _heartBeat);

    [Benchmark]
    public StompMessageResult Subscribe() => Handle(_connectedState, _subscribe);

    [Benchmark]
    public StompMessageResult Connect() => Handle(null, _connect);

    private StompMessageResult Chain(byte[] payload)
    {
        var result = Handle(_sendState, payload);
        _sendState = result.ConnectionState;
        return result;
    }

    private StompMessageResult Handle(string? state, byte[] payload)
    {
        var pending = _engine.HandleMessageAsync(new StompInboundMessage("bench", "user-1", state, payload, PayloadKind.Text));

        // The in-memory ports complete synchronously, so the ValueTask is already done: no blocking, no boxing.
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    private static void Seed(InMemoryStateStore store, string destination, int routes)
    {
        for (var i = 0; i < routes; i++)
        {
            var id = $"sub-{i}";
            var group = StompGroupNames.For(destination, id, StompAckMode.Auto);
            store.AddSubscriptionAsync(
                new StompRoute(destination, id, StompAckMode.Auto, group),
                new StompMember(destination, group, $"member-{i}"),
                CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }
}
