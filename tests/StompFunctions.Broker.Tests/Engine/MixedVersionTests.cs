using System.Text;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>Subscribers of one destination on different STOMP versions each get MESSAGE frames written by their own version's rules.</summary>
public sealed class MixedVersionTests
{
    // A 1.2 SEND whose header value holds a colon, a backslash and a CR (escaped on the wire: \c \\ \r).
    private const string Send = "SEND\ndestination:/topic/mixed\nx-h:a\\cb\\\\c\\rd\n\nhi\0";

    [Fact]
    public async Task STOMP_S04_a_1_0_subscriber_gets_the_header_unescaped_as_1_0_has_no_escapes()
    {
        var (subscriber, _) = await SubscribeAndSendAsync("1.0");

        Assert.Contains("\nx-h:a:b\\c\rd\n", Received(subscriber), StringComparison.Ordinal);
    }

    [Fact]
    public async Task STOMP_S04_a_1_1_subscriber_gets_colon_and_backslash_escaped_and_CR_raw_as_1_1_defines()
    {
        var (subscriber, _) = await SubscribeAndSendAsync("1.1");

        Assert.Contains("\nx-h:a\\cb\\\\c\rd\n", Received(subscriber), StringComparison.Ordinal);
    }

    [Fact]
    public async Task STOMP_S04_a_1_2_subscriber_gets_every_special_octet_escaped()
    {
        var (subscriber, _) = await SubscribeAndSendAsync("1.2");

        Assert.Contains("\nx-h:a\\cb\\\\c\\rd\n", Received(subscriber), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_of_three_versions_on_one_destination_and_id_get_one_group_send_each()
    {
        var harness = new EngineHarness();
        TestClient[] subscribers = [await SubscribedAsync(harness, "v10", "1.0"), await SubscribedAsync(harness, "v11", "1.1"), await SubscribedAsync(harness, "v12", "1.2")];
        var publisher = await harness.ConnectedClientAsync("pub");
        harness.Gateway.ClearOperations();

        await publisher.ExchangeAsync(Send);

        Assert.Equal(3, harness.Gateway.Operations.Count(o => o.Kind == GatewayOperationKind.SendToGroup));
        Assert.All(subscribers, s => Assert.Single(s.Connection.Received));
        var routes = (await harness.Store.GetRoutesAsync("/topic/mixed", CancellationToken.None)).Select(r => r.Version).Order();
        Assert.Equal([StompVersion.V1_0, StompVersion.V1_1, StompVersion.V1_2], routes);
    }

    [Fact]
    public async Task A_1_2_session_keeps_the_group_name_it_always_had()
    {
        var harness = new EngineHarness();
        await SubscribedAsync(harness, "v12", "1.2");

        var route = Assert.Single(await harness.Store.GetRoutesAsync("/topic/mixed", CancellationToken.None));

        Assert.Equal(StompGroupNames.For("/topic/mixed", "sub-0", StompAckMode.Auto), route.Group);
    }

    [Fact]
    public async Task UNSUBSCRIBE_and_disconnect_of_a_1_0_session_leave_its_own_group()
    {
        var harness = new EngineHarness();
        var first = await SubscribedAsync(harness, "v10a", "1.0");
        var second = await SubscribedAsync(harness, "v10b", "1.0");
        var group = StompGroupNames.For("/topic/mixed", "sub-0", StompAckMode.Auto, StompVersion.V1_0);

        await first.ExchangeAsync("UNSUBSCRIBE\nid:sub-0\n\n\0");
        await second.DisconnectedAsync();

        Assert.DoesNotContain("v10a", harness.Gateway.GetGroupMembers(group));
        Assert.Empty((await harness.Store.ReadDestinationAsync("/topic/mixed", CancellationToken.None)).Members);
    }

    private static async Task<(TestClient Subscriber, TestClient Publisher)> SubscribeAndSendAsync(string version)
    {
        var harness = new EngineHarness();
        var subscriber = await SubscribedAsync(harness, "sub", version);
        var publisher = await harness.ConnectedClientAsync("pub");
        await publisher.ExchangeAsync(Send);
        return (subscriber, publisher);
    }

    private static async Task<TestClient> SubscribedAsync(EngineHarness harness, string connectionId, string version)
    {
        var client = await harness.ConnectedClientAsync(connectionId, acceptVersion: version);
        await client.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/mixed\n\n\0");
        return client;
    }

    private static string Received(TestClient client) => Encoding.UTF8.GetString(Assert.Single(client.Connection.Received).Payload.Span);
}
