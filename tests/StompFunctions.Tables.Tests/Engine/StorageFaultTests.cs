using StompFunctions.Broker.Testing;
using StompFunctions.Protocol;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>
/// Azurite stopped in the middle of a run: frames that need the store get a STOMP ERROR saying so, none is
/// silently dropped, the engine keeps serving; once Azurite is back new frames work without a restart.
/// </summary>
public sealed class StorageFaultTests(PersistentAzuriteFixture azurite) : IClassFixture<PersistentAzuriteFixture>
{
    [Fact]
    public async Task STOMP_S36_S37_S60_frames_needing_the_store_get_an_ERROR_with_their_receipt_id_during_an_outage_and_new_frames_work_once_storage_is_back()
    {
        var options = TestTableOptions.For(azurite);
        var gateway = new InMemoryConnectionGateway();
        var a = new EngineNode("a", TestStores.Create(options), gateway);
        var b = new EngineNode("b", TestStores.Create(options), gateway);
        var destination = $"/topic/fault-{Guid.NewGuid():N}";
        var subscriber = a.Open("subscriber");
        await subscriber.ConnectAsync();
        await subscriber.SubscribeAsync(destination, "sub-0");
        var publisher = b.Open("publisher");
        await publisher.ConnectAsync();
        Assert.Equal(StompCommand.Receipt, (await publisher.SendMessageAsync(destination, "before", "r-1")).Command);

        await azurite.StopAsync();
        ReplyFrame failedSend;
        ReplyFrame failedSubscribe;
        try
        {
            failedSend = await publisher.SendMessageAsync(destination, "during", "r-2");
            var late = a.Open("late-subscriber");
            await late.ConnectAsync();
            failedSubscribe = await late.ExchangeAsync($"SUBSCRIBE\nid:sub-0\ndestination:{destination}\nreceipt:s-late\n\n\0");
        }
        finally
        {
            await azurite.StartAgainAsync();
        }

        Assert.Equal(StompCommand.Error, failedSend.Command);
        Assert.Equal("r-2", failedSend["receipt-id"]);
        Assert.Equal("service unavailable", failedSend["message"]);
        Assert.Equal(StompCommand.Error, failedSubscribe.Command);
        Assert.Equal("s-late", failedSubscribe["receipt-id"]);

        // The same engines, the same store objects: no restart.
        var publisherAfter = b.Open("publisher-after");
        await publisherAfter.ConnectAsync();
        Assert.Equal(StompCommand.Receipt, (await publisherAfter.SendMessageAsync(destination, "after", "r-3")).Command);
        var subscriberAfter = a.Open("subscriber-after");
        await subscriberAfter.ConnectAsync();
        await subscriberAfter.SubscribeAsync(destination, "sub-1");
        Assert.Equal(StompCommand.Receipt, (await publisherAfter.SendMessageAsync(destination, "after-2", "r-4")).Command);

        // Delivered exactly what was acknowledged with a RECEIPT; the ERROR-ed SEND is not half-delivered.
        Assert.Equal(["before", "after", "after-2"], subscriber.Delivered.Select(f => f.Body));
        Assert.Equal(["after-2"], subscriberAfter.Delivered.Select(f => f.Body));
    }
}
