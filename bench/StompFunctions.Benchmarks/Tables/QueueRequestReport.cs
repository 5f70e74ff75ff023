using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;
using StompFunctions.Protocol;
using StompFunctions.Tables;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Queues;
using StompFunctions.Tables.Store;

namespace StompFunctions.Benchmarks.Tables;

/// <summary>
/// Queue frames through the engine on Table Storage with <see cref="StompBrokerOptions.ApplyEventsOnce"/> on (the
/// default): Table requests, REST calls and latency per frame, one frame at a time, printed as a Markdown table.
/// Needs a running Azurite (or <c>STOMP_BENCH_TABLES</c>), like <see cref="TableRequestReport"/>.
/// </summary>
internal static class QueueRequestReport
{
    public const string Command = "--queue-requests";

    private const int DefaultRounds = 200;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var given) && given > 0 ? given : DefaultRounds;
        var node = new Node();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rounds} frames per row; requests and REST calls are means per frame"));
        await output.WriteLineAsync("| frame | Table requests | REST calls | p50 ms | p90 ms |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|");

        await node.ConnectAsync("publisher");
        await node.ConnectAsync("auto");
        await node.RunAsync("auto", "SUBSCRIBE\nid:s\ndestination:/queue/bench-auto\nack:auto\n\n\0");
        await Row(output, node, "SEND, ready `auto` consumer", rounds, i => node.RunAsync("publisher", $"SEND\ndestination:/queue/bench-auto\n\nm{i}\0"));

        var before = node.StateOf("publisher");
        const string Once = "SEND\ndestination:/queue/bench-auto\n\nonce\0";
        await node.RunAsync("publisher", Once);
        await Row(output, node, "SEND retried by the service (already applied)", rounds, _ => node.ReplayAsync("publisher", before, Once));

        // The client modes: client-individual, then client (cumulative ACK, with its sent record after each send).
        foreach (var mode in new[] { "client-individual", "client" })
        {
            var queue = "/queue/bench-" + mode;
            await node.ConnectAsync(mode);
            await node.RunAsync(mode, $"SUBSCRIBE\nid:s\ndestination:{queue}\nack:{mode}\nprefetch-count:1\n\n\0");
            await node.RunAsync("publisher", $"SEND\ndestination:{queue}\n\nfirst\0");
            var acks = new Queue<string>([node.LastAck(mode)]);
            await Row(output, node, $"SEND, `{mode}` consumer full (the message waits)", rounds, i => node.RunAsync("publisher", $"SEND\ndestination:{queue}\n\nc{i}\0"));
            await Row(output, node, $"ACK handing the next message over (`{mode}`)", rounds, async _ =>
            {
                await node.RunAsync(mode, $"ACK\nid:{acks.Dequeue()}\n\n\0");
                acks.Enqueue(node.LastAck(mode));
            });
            await node.RunAsync(mode, $"ACK\nid:{acks.Dequeue()}\n\n\0");
            await Row(output, node, $"SEND, ready `{mode}` consumer", rounds, async i =>
            {
                await node.RunAsync("publisher", $"SEND\ndestination:{queue}\n\nr{i}\0");
                node.Pause();
                await node.RunAsync(mode, $"ACK\nid:{node.LastAck(mode)}\n\n\0");
                node.Resume();
            });
        }

        return 0;
    }

    private static async Task Row(TextWriter output, Node node, string name, int rounds, Func<int, Task> frame)
    {
        var times = new double[rounds];
        node.Reset();
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await frame(i);
            times[i] = clock.Elapsed.TotalMilliseconds - node.PausedMilliseconds;
            node.PausedMilliseconds = 0;
        }

        Array.Sort(times);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {(double)node.Requests / rounds:0.##} | {(double)node.RestCalls / rounds:0.##} | {times[rounds / 2]:0.00} | {times[rounds * 9 / 10]:0.00} |"));
    }

    private sealed class Node
    {
        private readonly TableRequestCounter _counter = new();
        private readonly InMemoryConnectionGateway _gateway = new();
        private readonly StompEngine _engine;
        private readonly Stopwatch _paused = new();
        private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);
        private long _pausedRequests;
        private int _pausedCalls;
        private int _ids;

        public Node()
        {
            var suffix = Guid.NewGuid().ToString("N")[..10];
            var options = new TableStorageOptions
            {
                ConnectionString = Environment.GetEnvironmentVariable(TableFrameBench.ConnectionStringVariable) ?? "UseDevelopmentStorage=true",
                RoutesTable = "benchroutes" + suffix,
                SessionsTable = "benchsessions" + suffix,
                QueuesTable = "benchqueues" + suffix,
                ConfigureClientOptions = o => o.AddPolicy(_counter, Azure.Core.HttpPipelinePosition.PerCall),
            };
            var state = new TableStateStore(TableServiceClientFactory.Create(options), options);
            var queues = new TableQueueStore(TableServiceClientFactory.Create(options), options);
            _engine = new StompEngine(
                state, _gateway, new StompHandlerRegistry(), Options.Create(new StompBrokerOptions()), TimeProvider.System,
                new Ids(this), NullLogger<StompEngine>.Instance, queueStore: queues);
        }

        public double PausedMilliseconds { get; set; }

        public long Requests => _counter.Total - _pausedRequests;

        public int RestCalls => _gateway.Operations.Count - _pausedCalls;

        public async Task ConnectAsync(string id)
        {
            _gateway.Connect(id);
            await RunAsync(id, "CONNECT\naccept-version:1.2\nhost:bench\n\n\0");
        }

        public string? StateOf(string id) => _states.GetValueOrDefault(id);

        /// <summary>Runs frames of a connection with the state its previous answer set, and keeps the new one.</summary>
        public async Task RunAsync(string id, string frames) => _states[id] = (await ReplayAsync(id, StateOf(id), frames)).ConnectionState;

        /// <summary>Runs frames with the given state, as the service's retry of an event does; keeps nothing.</summary>
        public async Task<StompMessageResult> ReplayAsync(string id, string? state, string frames) =>
            await _engine.HandleMessageAsync(new StompInboundMessage(id, null, state, Encoding.UTF8.GetBytes(frames), PayloadKind.Text, "v12.stomp"));

        public string LastAck(string connectionId)
        {
            var received = _gateway.Connect(connectionId).Received;
            var reader = new StompFrameReader(StompVersion.V1_2);
            return reader.TryRead(received[^1].Payload, out var frame, out _, out _) == OperationStatus.Done && frame.Headers["ack"] is { } ack
                ? ack
                : throw new InvalidOperationException("The last delivery carries no ack header.");
        }

        public void Reset()
        {
            _counter.Reset();
            _gateway.ClearOperations();
            (_pausedRequests, _pausedCalls) = (0, 0);
        }

        public void Pause()
        {
            (_pausedRequests, _pausedCalls) = (_pausedRequests - _counter.Total, _pausedCalls - _gateway.Operations.Count);
            _paused.Restart();
        }

        public void Resume()
        {
            (_pausedRequests, _pausedCalls) = (_pausedRequests + _counter.Total, _pausedCalls + _gateway.Operations.Count);
            PausedMilliseconds += _paused.Elapsed.TotalMilliseconds;
        }

        private sealed class Ids(Node node) : IStompIdGenerator
        {
            public string NewId() => "q" + Interlocked.Increment(ref node._ids).ToString(CultureInfo.InvariantCulture);
        }
    }
}
