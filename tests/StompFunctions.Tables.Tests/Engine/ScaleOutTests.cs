using StompFunctions.Broker.Testing;
using StompFunctions.Protocol;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>
/// Two function instances (separate engines and separate Table store objects) over one Azurite and one
/// Web PubSub: whatever one instance records, the other sees, and nothing is delivered twice or lost.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScaleOutTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task STOMP_S53_subscribers_on_one_instance_receive_every_message_published_through_the_other_exactly_once_with_their_subscription_id()
    {
        var (a, b) = TwoInstances();
        var destination = $"/topic/scale-{Guid.NewGuid():N}";
        string[] ackModes = ["auto", "client", "client-individual"];
        var subscribers = new List<(StompTestConnection Connection, string Id)>();
        for (var i = 0; i < 6; i++)
        {
            var subscriber = a.Open($"sub-conn-{i}");
            await subscriber.ConnectAsync();

            // stompjs style ids (sub-0, sub-1) shared by several connections, and several ack modes.
            var id = $"sub-{i % 2}";
            await subscriber.SubscribeAsync(destination, id, ackModes[i % 3]);
            subscribers.Add((subscriber, id));
        }

        var sent = new List<string>();
        for (var p = 0; p < 3; p++)
        {
            var publisher = b.Open($"pub-conn-{p}");
            await publisher.ConnectAsync();
            for (var m = 0; m < 4; m++)
            {
                var body = $"p{p}-m{m}";
                Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(destination, body, $"r-{m}")).Command);
                sent.Add(body);
            }
        }

        foreach (var (connection, id) in subscribers)
        {
            var delivered = connection.Delivered;
            Assert.All(delivered, f => Assert.Equal(StompCommand.Message, f.Command));
            Assert.All(delivered, f => Assert.Equal(id, f["subscription"]));
            Assert.Equal(sent.Order(StringComparer.Ordinal), delivered.Select(f => f.Body).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task User_destinations_and_wildcard_subscriptions_recorded_on_one_instance_receive_what_the_other_sends()
    {
        var (a, b) = TwoInstances();
        var user = $"alice-{Guid.NewGuid():N}";
        var root = $"scale{Guid.NewGuid():N}";
        var laptop = a.Open("alice-laptop-" + root, user);
        var phone = b.Open("alice-phone-" + root, user);
        var watcher = a.Open("watcher-" + root);
        var publisher = b.Open("publisher-" + root);
        foreach (var connection in new[] { laptop, phone, watcher, publisher })
        {
            await connection.ConnectAsync();
        }

        await laptop.SubscribeAsync("/user/queue/inbox", "sub-0");
        await phone.SubscribeAsync("/user/queue/inbox", "sub-1");
        await watcher.SubscribeAsync($"/topic/{root}.#", "all");

        Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync($"/user/{user}/queue/inbox", "private", "r-1")).Command);
        Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync($"/topic/{root}.eu.price", "101", "r-2")).Command);

        foreach (var (connection, id) in new[] { (laptop, "sub-0"), (phone, "sub-1") })
        {
            var message = Assert.Single(connection.Delivered);
            Assert.Equal(("/user/queue/inbox", id, "private"), (message["destination"], message["subscription"], message.Body));
        }

        var topic = Assert.Single(watcher.Delivered);
        Assert.Equal(($"/topic/{root}.eu.price", "all", "101"), (topic["destination"], topic["subscription"], topic.Body));
    }

    [Fact]
    public async Task A_storm_of_concurrent_SUBSCRIBE_and_UNSUBSCRIBE_from_both_instances_ends_in_the_state_a_sequential_run_reaches()
    {
        var (a, b) = TwoInstances();
        var run = Guid.NewGuid().ToString("N");
        string[] destinations = [$"/topic/storm-{run}/0", $"/topic/storm-{run}/1", $"/topic/storm-{run}/2"];
        const int connectionCount = 12;
        const int cycles = 3;
        var connections = new StompTestConnection[connectionCount];
        for (var i = 0; i < connectionCount; i++)
        {
            connections[i] = (i % 2 == 0 ? a : b).Open($"storm-{run}-{i}");
            await connections[i].ConnectAsync();
        }

        // Each connection runs its own frames in order (as Web PubSub guarantees); connections run concurrently,
        // and the collector of instance A sweeps at the same time, racing every SUBSCRIBE against its deletes.
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(async () =>
        {
            for (var pass = 0; pass < 50 && !stop.IsCancellationRequested; pass++)
            {
                foreach (var destination in destinations)
                {
                    await a.Collector.CollectDestinationAsync(destination);
                }
            }
        });
        await Task.WhenAll(connections.Select((connection, i) => Task.Run(async () =>
        {
            for (var cycle = 0; cycle < cycles; cycle++)
            {
                for (var d = 0; d < destinations.Length; d++)
                {
                    await connection.SubscribeAsync(destinations[d], $"sub-{d}");
                }

                for (var d = 0; d < destinations.Length; d++)
                {
                    await connection.UnsubscribeAsync($"sub-{d}");
                }
            }

            // The final state: subscribed to every destination but one.
            for (var d = 0; d < destinations.Length; d++)
            {
                if (d != i % destinations.Length)
                {
                    await connection.SubscribeAsync(destinations[d], $"sub-{d}");
                }
            }
        })));
        await stop.CancelAsync();
        await collector;

        for (var d = 0; d < destinations.Length; d++)
        {
            var expected = connections.Where((_, i) => i % destinations.Length != d).Select(c => c.ConnectionId).Order(StringComparer.Ordinal);
            var snapshot = await b.Store.ReadDestinationAsync(destinations[d], CancellationToken.None);
            Assert.Equal(expected, snapshot.Members.Select(m => m.ConnectionId).Order(StringComparer.Ordinal));
            Assert.Single(snapshot.Routes);
        }

        var publisher = b.Open($"storm-{run}-publisher");
        await publisher.ConnectAsync();
        for (var d = 0; d < destinations.Length; d++)
        {
            Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(destinations[d], $"to-{d}", $"r-{d}")).Command);
        }

        for (var i = 0; i < connectionCount; i++)
        {
            var expected = Enumerable.Range(0, destinations.Length).Where(d => d != i % destinations.Length).Select(d => $"to-{d}");
            Assert.Equal(expected, connections[i].Delivered.Select(f => f.Body).Order(StringComparer.Ordinal));
        }
    }

    private (EngineNode A, EngineNode B) TwoInstances()
    {
        var options = TestTableOptions.For(azurite);
        var gateway = new InMemoryConnectionGateway();
        return (new EngineNode("a", TestStores.Create(options), gateway), new EngineNode("b", TestStores.Create(options), gateway));
    }
}
