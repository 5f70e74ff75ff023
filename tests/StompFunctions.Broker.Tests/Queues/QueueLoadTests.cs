using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using StompFunctions.Broker.Collector;
using StompFunctions.Broker.Tests.Support;

namespace StompFunctions.Broker.Tests.Queues;

/// <summary>Many messages through competing consumers, some of which drop mid-stream: nothing is lost.</summary>
public sealed class QueueLoadTests(ITestOutputHelper output)
{
    private const string Queue = "/queue/load";

    [Fact]
    public async Task Ten_thousand_messages_through_five_competing_consumers_with_two_dropping_mid_stream_lose_nothing()
    {
        var harness = new EngineHarness();
        harness.Gateway.RecordOperations = false;
        var publisher = await harness.ConnectedClientAsync("publisher");
        string[] modes = ["client-individual", "client-individual", "client", "client-individual", "auto"];
        var workers = new List<QueueWorker>();
        for (var i = 0; i < modes.Length; i++)
        {
            workers.Add(await QueueWorker.StartAsync(harness, $"worker-{i}", modes[i], Queue));
        }

        const int Count = 10_000;
        for (var i = 0; i < Count; i++)
        {
            await publisher.SendAsync($"SEND\ndestination:{Queue}\n\n{i}\0");
            if (i % 50 == 49)
            {
                foreach (var worker in workers)
                {
                    await worker.SettleAsync();
                }
            }

            // Two consumers vanish holding unacknowledged messages: one with its disconnected event, one whose
            // event never comes (the collector finds it); a new consumer joins.
            if (i == 3_020)
            {
                await workers[1].DropAsync(sendDisconnected: true);
                workers.Add(await QueueWorker.StartAsync(harness, "worker-late", "client-individual", Queue));
            }

            if (i == 6_020)
            {
                await workers[3].DropAsync(sendDisconnected: false);
                await new StompRouteCollector(harness.Store, harness.Gateway, NullLogger<StompRouteCollector>.Instance, harness.Engine.Queues).CollectAsync();
            }
        }

        for (var round = 0; round < 1_000 && workers.Sum(w => w.Processed.Count) < Count; round++)
        {
            foreach (var worker in workers)
            {
                await worker.SettleAsync();
            }
        }

        var processed = workers.SelectMany(w => w.Processed).ToHashSet(StringComparer.Ordinal);
        var lost = Enumerable.Range(0, Count).Count(i => !processed.Contains(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var redelivered = workers.Sum(w => w.Redelivered);
        output.WriteLine($"{Count} messages, 5 consumers (2 dropped, 1 joined): lost {lost}, redelivered {redelivered}.");
        Assert.Equal(0, lost);
        Assert.InRange(redelivered, 1, 2 * 64);
        Assert.All(workers.Where(w => !w.Dropped), w => Assert.NotEmpty(w.Processed));
    }
}
