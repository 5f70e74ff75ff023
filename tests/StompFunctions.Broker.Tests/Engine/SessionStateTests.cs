using System.Text;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

public sealed class SessionStateTests
{
    [Fact]
    public async Task The_state_is_compact_versioned_base64_JSON()
    {
        var client = await new EngineHarness().ConnectedClientAsync(userId: "u");
        await client.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/a\nack:client\n\n\0");

        var json = Encoding.UTF8.GetString(Convert.FromBase64String(client.State!));

        // "g" is the store generation the route was written under: 16 hex digits of the store's choosing.
        Assert.Matches("^\\{\"f\":1,\"c\":1,\"v\":12,\"s\":\"id-1\",\"u\":\"u\",\"g\":\"[0-9a-f]{16}\",\"b\":\\[\\[\"sub-0\",\"/topic/a\",1\\]\\]\\}$", json);
        Assert.True(client.State!.Length <= 128, $"state is {client.State.Length} characters");
    }

    [Fact]
    public async Task CONNECT_writes_nothing_to_the_store()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);

        await harness.ConnectedClientAsync();

        Assert.Equal(0, store.Writes);
    }

    [Fact]
    public async Task SEND_reads_the_routes_once_and_claims_its_event_with_one_write_only_when_someone_listens()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/topic/t\n\n\0SUBSCRIBE\nid:b\ndestination:/topic/t\n\n\0");
        var (reads, writes) = (store.RouteReads, store.Writes);

        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\n\nx\0");
        var afterListened = (store.RouteReads, store.Writes);
        await publisher.ExchangeAsync("SEND\ndestination:/topic/nobody\n\nx\0");

        Assert.Equal((reads + 1, writes + 1), afterListened);
        Assert.Equal((reads + 2, writes + 1), (store.RouteReads, store.Writes));
        Assert.Equal(2, subscriber.Delivered.Count);
    }

    [Fact]
    public async Task With_ApplyEventsOnce_off_SEND_reads_the_routes_once_and_writes_nothing()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(o => o.ApplyEventsOnce = false, store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/topic/t\n\n\0");
        var (reads, writes) = (store.RouteReads, store.Writes);

        var result = await publisher.SendAsync("SEND\ndestination:/topic/t\n\nx\0");

        Assert.Equal((reads + 1, writes), (store.RouteReads, store.Writes));
        Assert.False(result.ConnectionStateChanged);
        Assert.Single(subscriber.Delivered);
    }

    [Fact]
    public async Task SUBSCRIBE_and_UNSUBSCRIBE_each_cost_one_store_write_and_no_route_read()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var client = await harness.ConnectedClientAsync();

        await client.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/topic/t\n\n\0");
        var afterSubscribe = (store.Writes, store.RouteReads);
        await client.ExchangeAsync("UNSUBSCRIBE\nid:s\n\n\0");

        Assert.Equal((1, 0), afterSubscribe);
        Assert.Equal((2, 0), (store.Writes, store.RouteReads));
    }

    [Fact]
    public async Task A_state_above_the_threshold_spills_to_the_store_and_comes_back()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(o => o.ConnectionStateSpillThreshold = 200, store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/topic/t\n\n\0");

        await publisher.ExchangeAsync("BEGIN\ntransaction:big\n\n\0SEND\ndestination:/topic/t\ntransaction:big\n\n" + new string('y', 500) + "\0");
        var pointer = Encoding.UTF8.GetString(Convert.FromBase64String(publisher.State!));
        var spilled = await store.ReadSpilledStateAsync("pub", CancellationToken.None);
        await publisher.ExchangeAsync("COMMIT\ntransaction:big\n\n\0");

        Assert.Contains("\"spill\"", pointer, StringComparison.Ordinal);
        Assert.NotNull(spilled);
        Assert.Equal(new string('y', 500), Assert.Single(subscriber.Delivered).BodyText);
        Assert.DoesNotContain("spill", Encoding.UTF8.GetString(Convert.FromBase64String(publisher.State!)), StringComparison.Ordinal);
        Assert.Null(await store.ReadSpilledStateAsync("pub", CancellationToken.None));
    }

    [Fact]
    public async Task A_session_growing_past_the_state_limit_is_refused_and_the_last_good_state_kept()
    {
        var harness = new EngineHarness(o => o.MaxConnectionStateBytes = 300);
        var client = await harness.ConnectedClientAsync();
        await client.ExchangeAsync("BEGIN\ntransaction:t\n\n\0");
        var before = client.State;

        var error = Assert.Single(await client.ExchangeAsync("SEND\ndestination:/topic/a\ntransaction:t\n\n" + new string('z', 400) + "\0"));

        Assert.Equal("session too large", error["message"]);
        Assert.True(client.Last!.CloseAfterReply);
        Assert.Equal(before, client.State);
    }

    [Fact]
    public async Task A_missing_spilled_state_gives_ERROR_and_close()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(o => o.ConnectionStateSpillThreshold = 20, store: store);
        var client = await harness.ConnectedClientAsync();
        await store.DeleteSpilledStateAsync("c1", CancellationToken.None);

        var error = Assert.Single(await client.ExchangeAsync("SEND\ndestination:/topic/a\n\nx\0"));

        Assert.Equal("invalid connection state", error["message"]);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task An_unavailable_store_on_SEND_gives_ERROR_for_that_frame_with_its_receipt_id()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var client = await harness.ConnectedClientAsync();
        store.Failing.Add(nameof(store.GetRoutesAsync));

        var error = Assert.Single(await client.ExchangeAsync("SEND\ndestination:/topic/a\nreceipt:r\n\nx\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("service unavailable", error["message"]);
        Assert.Equal("r", error["receipt-id"]);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task An_unavailable_store_on_SUBSCRIBE_loses_no_earlier_subscription()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var client = await harness.ConnectedClientAsync();
        await client.ExchangeAsync("SUBSCRIBE\nid:ok\ndestination:/topic/a\n\n\0");
        var before = client.State;
        store.Failing.Add(nameof(store.AddSubscriptionAsync));

        var error = Assert.Single(await client.ExchangeAsync("SUBSCRIBE\nid:fails\ndestination:/topic/b\n\n\0"));

        Assert.Equal("service unavailable", error["message"]);
        Assert.Equal(before, client.State);
        Assert.Single((await store.ReadDestinationAsync("/topic/a", CancellationToken.None)).Members);
    }

    [Fact]
    public async Task An_unavailable_store_when_reading_spilled_state_gives_ERROR()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(o => o.ConnectionStateSpillThreshold = 20, store: store);
        var client = await harness.ConnectedClientAsync();
        store.Failing.Add(nameof(store.ReadSpilledStateAsync));

        var error = Assert.Single(await client.ExchangeAsync("SEND\ndestination:/topic/a\n\nx\0"));

        Assert.Equal("service unavailable", error["message"]);
    }

    [Fact]
    public async Task The_disconnected_event_removes_every_member_row_and_the_spilled_state()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(o => o.ConnectionStateSpillThreshold = 60, store: store);
        var client = await harness.ConnectedClientAsync();
        await client.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/topic/a\n\n\0SUBSCRIBE\nid:b\ndestination:/queue/b\nack:client\n\n\0");
        Assert.NotNull(await store.ReadSpilledStateAsync("c1", CancellationToken.None));

        await client.DisconnectedAsync();

        Assert.Empty((await store.ReadDestinationAsync("/topic/a", CancellationToken.None)).Members);
        Assert.Empty((await store.ReadDestinationAsync("/queue/b", CancellationToken.None)).Members);
        Assert.Null(await store.ReadSpilledStateAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task A_disconnected_event_with_an_unavailable_store_does_not_throw()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(store: store);
        var client = await harness.ConnectedClientAsync();
        await client.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/topic/a\n\n\0");
        store.Failing.Add(nameof(store.RemoveMemberAsync));

        await client.DisconnectedAsync();

        Assert.Single((await store.ReadDestinationAsync("/topic/a", CancellationToken.None)).Members);
    }

    [Fact]
    public async Task MESSAGE_carries_a_timestamp_from_the_injected_clock_when_enabled()
    {
        var harness = new EngineHarness(o => o.AddTimestampHeader = true);
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/topic/t\n\n\0");

        await harness.Engine.Publisher.PublishAsync("/topic/t", "tick");

        Assert.Equal(harness.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(subscriber.Delivered)["timestamp"]);
    }
}
