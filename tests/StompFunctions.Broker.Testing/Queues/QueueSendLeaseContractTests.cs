using System.Text;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Testing.Queues;

/// <summary>
/// The send lease: a client-mode claim whose instance died between the commit and the REST send is taken back by the next
/// operation on the queue once <see cref="StompQueueOptions.SendLease"/> has passed and no sent record lists it, and is
/// delivered again marked redelivered; a delivery a sent record lists stays with its consumer (docs/queues.md). Derive a
/// class per store.
/// </summary>
public abstract class QueueSendLeaseContractTests : QueueContractBase
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(StompAckMode.ClientIndividual)]
    [InlineData(StompAckMode.Client)]
    public async Task STOMP_S41_a_claim_whose_instance_died_before_sending_comes_back_after_the_lease_marked_redelivered(StompAckMode mode)
    {
        var lease = await LeasedQueue.CreateAsync(this, mode, prefetch: 1);
        await lease.DieBeforeSendingAsync("unsent");

        // Within the lease the claim holds the consumer's only slot: the next message waits.
        await SendAsync(lease.Survivor, lease.Queue, "next");
        Assert.Empty(lease.Sink.Deliveries);

        lease.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await SendAsync(lease.Survivor, lease.Queue, "after the lease");

        var again = Assert.Single(lease.Sink.Deliveries);
        Assert.Equal("unsent", TextOf(again));
        Assert.True(again.Redelivered);
        Assert.Equal(2, again.Message.Deliveries);

        Assert.True(await AckAsync(lease.Survivor, again));
        Assert.True(await AckAsync(lease.Survivor, lease.Sink.Deliveries[1]));
        Assert.True(await AckAsync(lease.Survivor, lease.Sink.Deliveries[2]));
        Assert.Equal(["unsent", "next", "after the lease"], lease.Texts);
        Assert.Empty(new[] { "unsent", "next", "after the lease" }.Except(lease.Texts));
        await lease.EndsDrainedAsync();
    }

    [Fact]
    public async Task An_ACK_after_the_lease_takes_back_the_unsent_claim_and_hands_it_to_the_consumer_with_room()
    {
        var lease = await LeasedQueue.CreateAsync(this, StompAckMode.ClientIndividual, prefetch: 2);
        await SendAsync(lease.Survivor, lease.Queue, "held");
        await lease.DieBeforeSendingAsync("unsent");
        lease.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        Assert.True(await AckAsync(lease.Survivor, lease.Sink.Deliveries[0]));

        Assert.Equal(["held", "unsent"], lease.Texts);
        Assert.True(lease.Sink.Deliveries[1].Redelivered);
        Assert.True(await AckAsync(lease.Survivor, lease.Sink.Deliveries[1]));
        await lease.EndsDrainedAsync();
    }

    [Theory]
    [InlineData(StompAckMode.ClientIndividual)]
    [InlineData(StompAckMode.Client)]
    public async Task A_sent_delivery_is_never_taken_back_by_the_lease_the_client_holds_it(StompAckMode mode)
    {
        var lease = await LeasedQueue.CreateAsync(this, mode, prefetch: 2);
        await SendAsync(lease.Survivor, lease.Queue, "held");
        lease.Clock.Advance(Lease * 3);

        await SendAsync(lease.Survivor, lease.Queue, "later");

        Assert.Equal(["held", "later"], lease.Texts);
        Assert.DoesNotContain(lease.Sink.Deliveries, static d => d.Redelivered);
        Assert.True(await AckAsync(lease.Survivor, lease.Sink.Deliveries[0]));
        Assert.True(await AckAsync(lease.Survivor, lease.Sink.Deliveries[1]));
        Assert.DoesNotContain(lease.Sink.Deliveries, static d => d.Redelivered);
        await lease.EndsDrainedAsync();
    }

    [Fact]
    public async Task A_sent_delivery_whose_record_was_lost_comes_back_after_the_lease_a_duplicate_never_a_loss()
    {
        var lease = await LeasedQueue.CreateAsync(this, StompAckMode.ClientIndividual, prefetch: 1);
        var forgetful = NewBroker(new SentRecordsLostStore(lease.Store), lease.Sink, lease.Clock);
        await SendAsync(forgetful, lease.Queue, "sent, unrecorded");
        lease.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        await SendAsync(lease.Survivor, lease.Queue, "next");

        Assert.Equal(["sent, unrecorded", "sent, unrecorded"], lease.Texts);
        Assert.True(lease.Sink.Deliveries[1].Redelivered);
        Assert.True(await AckAsync(lease.Survivor, lease.Sink.Deliveries[1]));
        Assert.Equal("next", TextOf(lease.Sink.Deliveries[2]));
        Assert.True(await AckAsync(lease.Survivor, lease.Sink.Deliveries[2]));
        await lease.EndsDrainedAsync();
    }

    // One consumer on a fresh queue, a surviving instance over a sibling store, and a clock both instances read.
    private sealed record LeasedQueue(IQueueStore Store, QueueBroker Survivor, RecordingSink Sink, ManualClock Clock, string Queue, string Connection)
    {
        public IReadOnlyList<string> Texts => [.. Sink.Deliveries.Select(TextOf)];

        public static async Task<LeasedQueue> CreateAsync(QueueSendLeaseContractTests suite, StompAckMode mode, int prefetch)
        {
            var store = await suite.CreateStoreAsync();
            var sink = new RecordingSink();
            var clock = new ManualClock(DateTimeOffset.UtcNow);
            var survivor = NewBroker(await suite.CreateSiblingAsync(store), sink, clock, o => o.SendLease = Lease);
            var lease = new LeasedQueue(store, survivor, sink, clock, NewQueue(), NewConnection());
            await survivor.SubscribeAsync(Consumer(lease.Queue, lease.Connection, mode, prefetch), Ct);
            return lease;
        }

        // The dying instance commits its claim, then ends (its token cancelled) before the REST send: no send, no record.
        public async Task DieBeforeSendingAsync(string text)
        {
            using var crash = new CancellationTokenSource();
            var dying = NewBroker(Store, new RecordingSink
            {
                Fault = _ =>
                {
                    crash.Cancel();
                    return new OperationCanceledException(crash.Token);
                },
            }, Clock);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                dying.SendAsync(Queue, [], Encoding.UTF8.GetBytes(text), null, crash.Token).AsTask());

            // The clock stands still otherwise: later messages get later sequences than this one.
            Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        public async Task EndsDrainedAsync()
        {
            Assert.True(await Survivor.RemoveConsumerAsync(Queue, Connection, "sub-0", Ct));
            Assert.True(await IsGoneAsync(Store, Queue));
        }
    }
}
