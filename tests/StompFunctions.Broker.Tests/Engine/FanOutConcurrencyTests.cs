using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Tests.Support;

namespace StompFunctions.Broker.Tests.Engine;

public sealed class FanOutConcurrencyTests
{
    [Fact]
    public async Task Sends_to_the_routes_of_one_frame_are_in_flight_together()
    {
        var gateway = new ConcurrencyProbeGateway(expected: 2);
        var engine = new StompEngine(new InMemoryStateStore(), gateway, new StompHandlerRegistry(), Options.Create(new StompBrokerOptions()), new FakeTimeProvider(), new SequentialIdGenerator(), NullLogger<StompEngine>.Instance);
        var first = await ConnectAsync(engine, "c1");
        var second = await ConnectAsync(engine, "c2");
        await SendAsync(engine, "c1", first, "SUBSCRIBE\nid:a\ndestination:/topic/t\n\n\0");
        await SendAsync(engine, "c2", second, "SUBSCRIBE\nid:b\ndestination:/topic/t\n\n\0");

        var result = await SendAsync(engine, "c1", first, "SEND\ndestination:/topic/t\nreceipt:r\n\nhi\0");

        Assert.Equal(2, gateway.MaxInFlight);
        Assert.Equal(2, gateway.GroupSends);
        Assert.Contains("RECEIPT", Encoding.UTF8.GetString(result.Reply.Span), StringComparison.Ordinal);
    }

    private static async Task<string> ConnectAsync(StompEngine engine, string connectionId)
    {
        var result = await engine.HandleMessageAsync(new StompInboundMessage(connectionId, null, null, Encoding.UTF8.GetBytes("CONNECT\naccept-version:1.2\n\n\0"), PayloadKind.Text));
        return result.ConnectionState;
    }

    private static async Task<StompMessageResult> SendAsync(StompEngine engine, string connectionId, string state, string frame)
    {
        var result = await engine.HandleMessageAsync(new StompInboundMessage(connectionId, null, state, Encoding.UTF8.GetBytes(frame), PayloadKind.Text));
        Assert.DoesNotContain("ERROR", Encoding.UTF8.GetString(result.Reply.Span), StringComparison.Ordinal);
        return result;
    }

    /// <summary>Holds each group send until <c>expected</c> sends are in flight at once, or a bounded wait passes.</summary>
    private sealed class ConcurrencyProbeGateway(int expected) : IConnectionGateway
    {
        private readonly TaskCompletionSource _allInFlight = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;

        public int MaxInFlight { get; private set; }

        public int GroupSends { get; private set; }

        public async ValueTask SendToGroupAsync(string group, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (_allInFlight)
            {
                MaxInFlight = Math.Max(MaxInFlight, now);
                GroupSends++;
            }

            if (now >= expected)
            {
                _allInFlight.TrySetResult();
            }

            // Sequential sends never reach the expected count: the wait ends by timeout instead of hanging.
            await Task.WhenAny(_allInFlight.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
            Interlocked.Decrement(ref _inFlight);
        }

        public ValueTask SendToConnectionAsync(string connectionId, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask AddToGroupAsync(string connectionId, string group, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask CloseConnectionAsync(string connectionId, string reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask CloseGroupAsync(string group, string reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<bool> ConnectionExistsAsync(string connectionId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }
}
