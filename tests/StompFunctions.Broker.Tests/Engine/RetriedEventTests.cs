using System.Text;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Tests.Support;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>
/// The service retries an event whose answer it never got (timeout, 5xx) with the connection state it still holds,
/// the one of before the first attempt. Each event is applied once: a retry delivers nothing and gets the same answer.
/// </summary>
public sealed class RetriedEventTests
{
    [Fact]
    public async Task STOMP_S16_a_retried_SEND_is_delivered_once_and_answered_with_the_same_receipt_and_state()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        var publisher = await harness.ConnectedClientAsync("pub");
        var before = publisher.State;

        var first = await Replay(harness, "pub", before, "SEND\ndestination:/topic/t\nreceipt:r1\n\nx\0");
        var retry = await Replay(harness, "pub", before, "SEND\ndestination:/topic/t\nreceipt:r1\n\nx\0");
        var retryAgain = await Replay(harness, "pub", before, "SEND\ndestination:/topic/t\nreceipt:r1\n\nx\0");

        Assert.Single(subscriber.Delivered);
        Assert.StartsWith("RECEIPT\n", Encoding.UTF8.GetString(first.Reply.Span), StringComparison.Ordinal);
        Assert.True(first.Reply.Span.SequenceEqual(retry.Reply.Span));
        Assert.True(first.Reply.Span.SequenceEqual(retryAgain.Reply.Span));
        Assert.Equal(first.ConnectionState, retry.ConnectionState);
        Assert.Equal(first.ConnectionState, retryAgain.ConnectionState);

        // The next event, with the state the service now holds, is delivered as usual.
        await Replay(harness, "pub", retry.ConnectionState, "SEND\ndestination:/topic/t\n\ny\0");
        Assert.Equal(["x", "y"], subscriber.Delivered.Select(m => m.BodyText));
    }

    [Fact]
    public async Task A_retried_COMMIT_and_a_retried_handler_publish_are_delivered_once()
    {
        var harness = new EngineHarness(register: r => r.MapSend("/app/relay", async c => await c.PublishAsync("/topic/b", c.BodyText)));
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0SUBSCRIBE\nid:1\ndestination:/topic/b\n\n\0");
        var publisher = await harness.ConnectedClientAsync("pub");
        await publisher.ExchangeAsync("BEGIN\ntransaction:t\n\n\0SEND\ndestination:/topic/a\ntransaction:t\n\n1\0SEND\ndestination:/topic/a\ntransaction:t\n\n2\0");
        var beforeCommit = publisher.State;
        const string Commit = "COMMIT\ntransaction:t\nreceipt:c\n\n\0SEND\ndestination:/app/relay\n\n3\0";

        var first = await Replay(harness, "pub", beforeCommit, Commit);
        var retry = await Replay(harness, "pub", beforeCommit, Commit);

        Assert.Equal(["1", "2", "3"], subscriber.Delivered.Select(m => m.BodyText));
        Assert.True(first.Reply.Span.SequenceEqual(retry.Reply.Span));
    }

    [Fact]
    public async Task A_retried_queue_SEND_is_stored_once()
    {
        var harness = new EngineHarness();
        var publisher = await harness.ConnectedClientAsync("pub");
        var consumer = await harness.ConnectedClientAsync("sub");
        var before = publisher.State;

        var first = await Replay(harness, "pub", before, "SEND\ndestination:/queue/jobs\nreceipt:q\n\nwork\0");
        var retry = await Replay(harness, "pub", before, "SEND\ndestination:/queue/jobs\nreceipt:q\n\nwork\0");
        await consumer.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/jobs\n\n\0");

        Assert.Equal("work", Assert.Single(consumer.Delivered).BodyText);
        Assert.True(first.Reply.Span.SequenceEqual(retry.Reply.Span));
        Assert.Equal(first.ConnectionState, retry.ConnectionState);
    }

    [Fact]
    public async Task A_retried_queue_SEND_claims_no_event_marker_of_its_own()
    {
        var harness = new EngineHarness();
        var publisher = await harness.ConnectedClientAsync("pub");

        await Replay(harness, "pub", publisher.State, "SEND\ndestination:/queue/jobs\n\nwork\0");

        // The queue's transaction recorded the event; the sessions table's marker was never written.
        Assert.DoesNotContain("pub", (await harness.Store.ListSpilledConnectionsAsync(null, 100, CancellationToken.None)).ConnectionIds);
    }

    [Fact]
    public async Task A_retried_event_mixing_topic_and_queue_SENDs_and_a_COMMIT_spanning_both_applies_each_once()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        var publisher = await harness.ConnectedClientAsync("pub");
        await publisher.ExchangeAsync("BEGIN\ntransaction:x\n\n\0SEND\ndestination:/queue/a\ntransaction:x\n\nqa1\0SEND\ndestination:/topic/t\ntransaction:x\n\nt1\0SEND\ndestination:/queue/b\ntransaction:x\n\nqb1\0");
        var before = publisher.State;
        const string Frames = "SEND\ndestination:/queue/b\n\nqb0\0SEND\ndestination:/topic/t\n\nt0\0COMMIT\ntransaction:x\n\n\0SEND\ndestination:/queue/a\nreceipt:end\n\nqa2\0";

        var first = await Replay(harness, "pub", before, Frames);
        var retry = await Replay(harness, "pub", before, Frames);
        var next = await Replay(harness, "pub", retry.ConnectionState, "SEND\ndestination:/queue/a\n\nqa3\0SEND\ndestination:/queue/b\n\nqb2\0");

        Assert.Equal(first.ConnectionState, retry.ConnectionState);
        Assert.True(first.Reply.Span.SequenceEqual(retry.Reply.Span));
        Assert.Equal(["t0", "t1"], subscriber.Delivered.Select(m => m.BodyText));
        var consumer = await harness.ConnectedClientAsync("consumer");
        await consumer.ExchangeAsync("SUBSCRIBE\nid:a\ndestination:/queue/a\n\n\0SUBSCRIBE\nid:b\ndestination:/queue/b\n\n\0");
        Assert.Equal(["qa1", "qa2", "qa3", "qb0", "qb1", "qb2"], consumer.Delivered.Select(m => m.BodyText));
    }

    [Fact]
    public async Task Handler_publishes_to_a_queue_are_stored_once_per_event_and_every_event_counts()
    {
        var harness = new EngineHarness(register: r => r.MapSend("/app/job", async c => await c.PublishAsync("/queue/jobs", c.BodyText)));
        var publisher = await harness.ConnectedClientAsync("pub");
        var before = publisher.State;

        var first = await Replay(harness, "pub", before, "SEND\ndestination:/app/job\n\n1\0");
        await Replay(harness, "pub", before, "SEND\ndestination:/app/job\n\n1\0");
        var second = await Replay(harness, "pub", first.ConnectionState, "SEND\ndestination:/app/job\n\n2\0");
        await Replay(harness, "pub", second.ConnectionState, "SEND\ndestination:/app/job\n\n3\0");

        var consumer = await harness.ConnectedClientAsync("consumer");
        await consumer.ExchangeAsync("SUBSCRIBE\nid:s\ndestination:/queue/jobs\n\n\0");
        Assert.Equal(["1", "2", "3"], consumer.Delivered.Select(m => m.BodyText));
    }

    [Fact]
    public async Task A_retried_event_of_a_spilled_session_delivers_nothing_and_answers_with_the_newer_state()
    {
        var store = new ScriptedStore();
        var harness = new EngineHarness(o => o.ConnectionStateSpillThreshold = 20, store: store);
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        var publisher = await harness.ConnectedClientAsync("pub");
        var before = publisher.State;

        var first = await Replay(harness, "pub", before, "SEND\ndestination:/topic/t\n\nx\0");
        var retry = await Replay(harness, "pub", before, "SEND\ndestination:/topic/t\n\nx\0");

        Assert.Single(subscriber.Delivered);
        Assert.True(retry.Reply.IsEmpty);
        Assert.Equal(first.ConnectionState, retry.ConnectionState);
        Assert.Null(retry.CloseReason);
    }

    [Fact]
    public async Task The_disconnected_event_deletes_the_event_marker()
    {
        var harness = new EngineHarness();
        var subscriber = await harness.ConnectedClientAsync("sub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        var publisher = await harness.ConnectedClientAsync("pub");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\n\nx\0");
        Assert.Contains("pub", (await harness.Store.ListSpilledConnectionsAsync(null, 100, CancellationToken.None)).ConnectionIds);

        await publisher.DisconnectedAsync();

        Assert.DoesNotContain("pub", (await harness.Store.ListSpilledConnectionsAsync(null, 100, CancellationToken.None)).ConnectionIds);
    }

    private static async Task<StompMessageResult> Replay(EngineHarness harness, string connectionId, string? state, string frames)
    {
        var message = new StompInboundMessage(connectionId, null, state, Encoding.UTF8.GetBytes(frames), PayloadKind.Text, null);
        return await harness.Engine.HandleMessageAsync(message);
    }
}
