using StompFunctions.Protocol;
using StompFunctions.Tables.Tests.Azurite;
using Xunit.Abstractions;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>
/// Azurite stopped and started again in the middle of a queue's traffic (a persistent Azurite, so it is an
/// outage, not a wipe): frames during the outage get an ERROR (nothing is accepted silently), and every message
/// accepted before or after is delivered once storage is back, the unacknowledged ones marked redelivered.
/// </summary>
public sealed class QueueOutageTests(PersistentAzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<PersistentAzuriteFixture>
{
    [Fact]
    public async Task Azurite_stopped_and_restarted_mid_stream_loses_no_accepted_message()
    {
        var (a, b) = QueueNodes.Two(TestTableOptions.For(azurite));
        var queue = $"/queue/outage-{Guid.NewGuid():N}";
        var first = await QueueConsumer.StartAsync(a, "consumer-1", queue, prefetch: 64);
        var publisher = b.Open("publisher-1");
        await publisher.ConnectAsync();
        var accepted = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(queue, $"before-{i}", $"r{i}")).Command);
            accepted.Add($"before-{i}");
            if (i == 9)
            {
                Assert.Equal(10, await first.AckNewAsync());
            }
        }

        await azurite.StopAsync();
        try
        {
            var refused = await publisher.SendMessageAsync(queue, "during", "r-during");
            Assert.Equal(StompCommand.Error, refused.Command);
            Assert.Equal("r-during", refused["receipt-id"]);
            Assert.Equal(0, await first.AckNewAsync());
        }
        finally
        {
            await azurite.StartAgainAsync();
        }

        // Both connections were closed after their ERROR; the disconnected event of the consumer failed with the
        // store down, so the collector finds it gone and returns its unacknowledged messages.
        a.Gateway.Disconnect(first.Connection.ConnectionId);
        a.Gateway.Disconnect(publisher.ConnectionId);
        var collected = await a.Collector.CollectAsync();
        Assert.Equal(1, collected.QueueConsumersRemoved);

        var second = await QueueConsumer.StartAsync(b, "consumer-2", queue, prefetch: 64);
        var again = a.Open("publisher-2");
        await again.ConnectAsync();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(StompCommand.Receipt, (await again.SendMessageAsync(queue, $"after-{i}", $"r{i}")).Command);
            accepted.Add($"after-{i}");
            await second.AckNewAsync();
        }

        for (var round = 0; round < 100 && first.Processed.Count + second.Processed.Count < accepted.Count; round++)
        {
            await second.AckNewAsync();
        }

        var processed = first.Processed.Concat(second.Processed).ToHashSet(StringComparer.Ordinal);
        var lost = accepted.Count(m => !processed.Contains(m));
        output.WriteLine($"{accepted.Count} accepted around an outage: lost {lost}, redelivered {second.Redelivered}.");
        Assert.Equal(0, lost);
        Assert.DoesNotContain("during", processed);
        Assert.Equal(10, second.Redelivered);
    }
}
