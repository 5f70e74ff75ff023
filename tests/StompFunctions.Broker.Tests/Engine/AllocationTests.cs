using System.Text;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Tests.Support;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>Guards the memory half of the SEND target (≤ 1 KiB per frame with 1 route); speed is a benchmark's job.</summary>
public sealed class AllocationTests
{
#if DEBUG
    // Debug builds compile async state machines as classes, one allocation per awaited method; the target
    // applies to Release, which scripts/test.sh and CI run.
    private const long MaxBytesPerSend = 4096;
#else
    private const long MaxBytesPerSend = 1024;
#endif

    [Fact]
    public async Task A_SEND_to_a_topic_with_one_route_allocates_at_most_1_KiB()
    {
        var harness = new EngineHarness();
        harness.Gateway.RecordOperations = false;
        var publisher = await harness.ConnectedClientAsync("pub");
        var group = StompGroupNames.For("/topic/one", "sub-0", StompAckMode.Auto);
        await harness.Store.AddSubscriptionAsync(new StompRoute("/topic/one", "sub-0", StompAckMode.Auto, group), new StompMember("/topic/one", group, "elsewhere"), CancellationToken.None);
        var payload = Encoding.UTF8.GetBytes("SEND\ndestination:/topic/one\ncontent-type:application/json\ncontent-length:13\n\n{\"price\":1.5}\0");
        var message = new StompInboundMessage("pub", null, publisher.State, payload, PayloadKind.Text);
        for (var i = 0; i < 200; i++)
        {
            await harness.Engine.HandleMessageAsync(message);
        }

        const int Rounds = 200;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            var pending = harness.Engine.HandleMessageAsync(message);
            Assert.True(pending.IsCompletedSuccessfully);
        }

        var perSend = (GC.GetAllocatedBytesForCurrentThread() - before) / Rounds;
        Assert.InRange(perSend, 1, MaxBytesPerSend);
    }
}
