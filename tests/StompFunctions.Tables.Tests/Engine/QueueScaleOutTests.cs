using System.Diagnostics;
using StompFunctions.Broker.Testing;
using StompFunctions.Protocol;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Queues;
using StompFunctions.Tables.Tests.Azurite;
using Xunit.Abstractions;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>
/// Queues across two function instances (separate engines and Table store objects over one Azurite, one
/// "Web PubSub"): consumers and publishers on both, a consumer dropping mid-stream, and nothing lost.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueScaleOutTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_instances_with_consumers_on_both_and_one_dropping_mid_stream_lose_nothing()
    {
        var (a, b) = QueueNodes.Two(TestTableOptions.For(azurite));
        var queue = $"/queue/scale-{Guid.NewGuid():N}";
        var consumers = new List<QueueConsumer>();
        for (var i = 0; i < 4; i++)
        {
            consumers.Add(await QueueConsumer.StartAsync(i % 2 == 0 ? a : b, $"consumer-{i}", queue, prefetch: 5));
        }

        const int PerPublisher = 100;
        var publishers = new[] { a, b }.Select((node, p) => Task.Run(async () =>
        {
            var publisher = node.Open($"publisher-{p}");
            await publisher.ConnectAsync();
            for (var m = 0; m < PerPublisher; m++)
            {
                Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(queue, $"p{p}-m{m}", $"r{m}")).Command);
            }
        })).ToArray();

        // Consumer 3 takes part, then vanishes holding unacknowledged messages (its disconnected event comes).
        var dropping = consumers[3];
        var clock = Stopwatch.StartNew();
        var dropped = false;
        while (consumers.Sum(c => c.Processed.Count) < 2 * PerPublisher && clock.Elapsed < Patience)
        {
            foreach (var consumer in consumers.Where(c => c != dropping || !dropped))
            {
                if (consumer != dropping || dropping.Processed.Count < 10)
                {
                    await consumer.AckNewAsync();
                }
            }

            if (!dropped && dropping.Processed.Count >= 10 && dropping.Connection.Delivered.Count > dropping.Processed.Count)
            {
                await dropping.Connection.DisconnectedAsync();
                dropped = true;
            }

            await Task.Delay(5);
        }

        await Task.WhenAll(publishers);
        var processed = consumers.SelectMany(c => c.Processed).ToHashSet(StringComparer.Ordinal);
        var lost = 2 * PerPublisher - processed.Count;
        var redelivered = consumers.Sum(c => c.Redelivered);
        output.WriteLine($"{2 * PerPublisher} messages, 4 consumers on two instances (one dropped): lost {lost}, redelivered {redelivered}.");
        Assert.True(dropped);
        Assert.Equal(0, lost);
        Assert.Equal(consumers.Sum(c => c.Processed.Count), processed.Count);
        Assert.InRange(redelivered, 1, 5);
        Assert.All(consumers.Take(3), c => Assert.NotEmpty(c.Processed));
    }
}

/// <summary>Two engine nodes sharing one Azurite's tables (routes, sessions and queues) and one gateway.</summary>
internal static class QueueNodes
{
    public static (EngineNode A, EngineNode B) Two(TableStorageOptions options)
    {
        var gateway = new InMemoryConnectionGateway();
        return (Node("a", options, gateway), Node("b", options, gateway));
    }

    private static EngineNode Node(string name, TableStorageOptions options, InMemoryConnectionGateway gateway) =>
        new(name, TestStores.Create(options), gateway, new TableQueueStore(TableServiceClientFactory.Create(options), options));
}
