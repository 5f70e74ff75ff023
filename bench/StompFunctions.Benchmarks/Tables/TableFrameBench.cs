using System.Text;
using Azure.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Tables;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Store;

namespace StompFunctions.Benchmarks.Tables;

/// <summary>
/// An engine on the Table store against a running Azurite (or any account): connection string from
/// <c>STOMP_BENCH_TABLES</c>, else <c>UseDevelopmentStorage=true</c> (Azurite on 10002). Prepares one
/// connection's state before each frame type so every frame is measured alone.
/// </summary>
internal sealed class TableFrameBench
{
    public const string ConnectionStringVariable = "STOMP_BENCH_TABLES";

    private static readonly byte[] Connect = Frame("CONNECT\naccept-version:1.2\nhost:bench\n\n\0");
    private readonly string _destination = $"/topic/bench-{Guid.NewGuid():N}";

    public TableFrameBench()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var options = new TableStorageOptions
        {
            ConnectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable) ?? "UseDevelopmentStorage=true",
            RoutesTable = "benchroutes" + suffix,
            SessionsTable = "benchsessions" + suffix,
            ConfigureClientOptions = o => o.AddPolicy(Counter, HttpPipelinePosition.PerCall),
        };
        Store = new TableStateStore(TableServiceClientFactory.Create(options), options);
        Engine = new StompEngine(Store, new NullGateway(), new StompHandlerRegistry(), Options.Create(new StompBrokerOptions()), TimeProvider.System, new BenchIds(), NullLogger<StompEngine>.Instance);
        Subscribe = Frame($"SUBSCRIBE\nid:sub-0\ndestination:{_destination}\nreceipt:s\n\n\0");
        Send = Frame($"SEND\ndestination:{_destination}\ncontent-type:text/plain\nreceipt:p\n\nhello\0");
    }

    public TableRequestCounter Counter { get; } = new();

    public TableStateStore Store { get; }

    public StompEngine Engine { get; }

    public byte[] Subscribe { get; }

    public byte[] Send { get; }

    public static byte[] Unsubscribe { get; } = Frame("UNSUBSCRIBE\nid:sub-0\nreceipt:u\n\n\0");

    public static byte[] Disconnect { get; } = Frame("DISCONNECT\nreceipt:d\n\n\0");

    /// <summary>The state after CONNECT, and after CONNECT + SUBSCRIBE (the route then exists, with one member).</summary>
    public async Task<(string Connected, string Subscribed)> PrepareAsync(string connectionId)
    {
        var connected = (await RunAsync(connectionId, null, Connect)).ConnectionState;
        var subscribed = (await RunAsync(connectionId, connected, Subscribe)).ConnectionState;
        return (connected, subscribed);
    }

    public ValueTask<StompMessageResult> RunAsync(string connectionId, string? state, byte[] frame) =>
        Engine.HandleMessageAsync(new StompInboundMessage(connectionId, null, state, frame, PayloadKind.Text, "v12.stomp"));

    public static ValueTask<StompMessageResult> ConnectAsync(TableFrameBench bench, string connectionId) => bench.RunAsync(connectionId, null, Connect);

    private static byte[] Frame(string text) => Encoding.UTF8.GetBytes(text);

    private sealed class BenchIds : IStompIdGenerator
    {
        private long _next;

        public string NewId() => "b" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
