using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Testing.Queues;

namespace StompFunctions.Broker.Tests.Queues;

/// <summary>Sequences order a queue: by time, never below the publisher's previous one, unique across instances.</summary>
public sealed class QueueSequenceTests
{
    [Fact]
    public void A_publisher_whose_next_SEND_runs_on_an_instance_with_a_slower_clock_keeps_its_order()
    {
        var fast = new QueueSequence(new ManualClock(DateTimeOffset.UnixEpoch.AddDays(20_000).AddSeconds(5)), "fast");
        var slow = new QueueSequence(new ManualClock(DateTimeOffset.UnixEpoch.AddDays(20_000)), "slow");

        var first = fast.Next();
        var second = slow.Next(after: first);
        var third = slow.Next(after: second);

        Assert.True(string.CompareOrdinal(first, second) < 0);
        Assert.True(string.CompareOrdinal(second, third) < 0);
        Assert.True(QueueSequence.IsSequence(third));
    }

    [Fact]
    public void Sequences_of_one_process_are_unique_and_increasing_within_one_clock_tick()
    {
        var sequence = new QueueSequence(new ManualClock(DateTimeOffset.UnixEpoch.AddDays(20_000)), "abc-123");

        var values = Enumerable.Range(0, 1000).Select(_ => sequence.Next()).ToArray();

        Assert.Equal(values.Order(StringComparer.Ordinal), values);
        Assert.Equal(1000, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.EndsWith("abc123", v, StringComparison.Ordinal));
        Assert.False(QueueSequence.IsSequence("sub-0@x"));
    }
}
