using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

public sealed class TransactionTests
{
    private static async Task<(EngineHarness Harness, TestClient Subscriber, TestClient Publisher)> SetupAsync(Action<StompBrokerOptions>? configure = null, Action<StompHandlerRegistry>? register = null)
    {
        var harness = new EngineHarness(configure, register);
        var subscriber = await harness.ConnectedClientAsync("sub");
        var publisher = await harness.ConnectedClientAsync("pub");
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:sub-0\ndestination:/topic/t\n\n\0");
        return (harness, subscriber, publisher);
    }

    [Fact]
    public async Task STOMP_S50_SENDs_in_a_transaction_are_delivered_only_at_COMMIT_and_in_order()
    {
        var (_, subscriber, publisher) = await SetupAsync();

        await publisher.ExchangeAsync("BEGIN\ntransaction:tx-1\n\n\0");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\ntransaction:tx-1\n\none\0");
        var receipt = Assert.Single(await publisher.ExchangeAsync("SEND\ndestination:/topic/t\ntransaction:tx-1\nreceipt:r2\n\ntwo\0"));
        var beforeCommit = subscriber.Delivered.Count;
        await publisher.ExchangeAsync("COMMIT\ntransaction:tx-1\n\n\0");

        Assert.Equal("r2", receipt["receipt-id"]);
        Assert.Equal(0, beforeCommit);
        Assert.Equal(["one", "two"], subscriber.Delivered.Select(m => m.BodyText));
        Assert.All(subscriber.Delivered, m => Assert.False(m.Has("transaction")));
    }

    [Fact]
    public async Task STOMP_S50_ABORT_discards_the_held_frames()
    {
        var (_, subscriber, publisher) = await SetupAsync();

        await publisher.ExchangeAsync("BEGIN\ntransaction:tx\n\n\0SEND\ndestination:/topic/t\ntransaction:tx\n\nx\0ABORT\ntransaction:tx\n\n\0");

        Assert.Empty(subscriber.Delivered);
        Assert.Equal(StompCommand.Error, Assert.Single(await publisher.ExchangeAsync("COMMIT\ntransaction:tx\n\n\0")).Command);
    }

    [Fact]
    public async Task STOMP_S46_an_ACK_in_a_transaction_takes_effect_at_COMMIT_and_not_after_ABORT()
    {
        var acks = new List<string>();
        var (_, subscriber, _) = await SetupAsync(register: r => r.OnAck(c =>
        {
            acks.Add(c.MessageId);
            return ValueTask.CompletedTask;
        }));
        await subscriber.ExchangeAsync("SUBSCRIBE\nid:c\ndestination:/queue/q\nack:client\n\n\0");

        await subscriber.ExchangeAsync("BEGIN\ntransaction:a\n\n\0ACK\nid:c@m-1\ntransaction:a\n\n\0ABORT\ntransaction:a\n\n\0");
        await subscriber.ExchangeAsync("BEGIN\ntransaction:b\n\n\0ACK\nid:c@m-2\ntransaction:b\n\n\0");
        var beforeCommit = acks.Count;
        await subscriber.ExchangeAsync("COMMIT\ntransaction:b\n\n\0");

        Assert.Equal(0, beforeCommit);
        Assert.Equal(["m-2"], acks);
    }

    [Fact]
    public async Task STOMP_S51_DISCONNECT_with_an_open_transaction_delivers_nothing()
    {
        var (_, subscriber, publisher) = await SetupAsync();

        await publisher.ExchangeAsync("BEGIN\ntransaction:tx\n\n\0SEND\ndestination:/topic/t\ntransaction:tx\n\nx\0DISCONNECT\nreceipt:bye\n\n\0");
        await publisher.DisconnectedAsync();

        Assert.Empty(subscriber.Delivered);
        Assert.True(publisher.Last!.CloseAfterReply);
    }

    [Theory]
    [InlineData("BEGIN\n\n\0", "missing transaction")]
    [InlineData("COMMIT\ntransaction:nope\n\n\0", "unknown transaction")]
    [InlineData("ABORT\ntransaction:nope\n\n\0", "unknown transaction")]
    [InlineData("SEND\ndestination:/topic/t\ntransaction:nope\n\nx\0", "unknown transaction")]
    [InlineData("BEGIN\ntransaction:t\n\n\0BEGIN\ntransaction:t\n\n\0", "duplicate transaction")]
    public async Task STOMP_S48_S49_transaction_mistakes_give_ERROR_and_close(string frames, string message)
    {
        var (_, _, publisher) = await SetupAsync();

        var error = (await publisher.ExchangeAsync(frames)).Last();

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal(message, error["message"]);
        Assert.True(publisher.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task Transactions_are_bounded_in_frames()
    {
        var (_, _, publisher) = await SetupAsync(o => o.MaxTransactionFrames = 2);

        var reply = await publisher.ExchangeAsync("BEGIN\ntransaction:t\n\n\0" + string.Concat(Enumerable.Repeat("SEND\ndestination:/topic/t\ntransaction:t\n\nx\0", 3)));

        Assert.Equal("transaction too large", Assert.Single(reply)["message"]);
    }

    [Fact]
    public async Task Open_transactions_are_bounded_per_connection()
    {
        var (_, _, publisher) = await SetupAsync(o => o.MaxOpenTransactions = 1);

        var reply = await publisher.ExchangeAsync("BEGIN\ntransaction:a\n\n\0BEGIN\ntransaction:b\n\n\0");

        Assert.Equal("too many transactions", Assert.Single(reply)["message"]);
    }

    [Fact]
    public async Task A_transaction_survives_across_messages_through_the_connection_state()
    {
        var (_, subscriber, publisher) = await SetupAsync();

        await publisher.ExchangeAsync("BEGIN\ntransaction:t\n\n\0");
        await publisher.ExchangeAsync("SEND\ndestination:/topic/t\ntransaction:t\n\nkept\0");
        await publisher.ExchangeAsync("COMMIT\ntransaction:t\nreceipt:c\n\n\0");

        Assert.Equal("kept", Assert.Single(subscriber.Delivered).BodyText);
    }

    [Fact]
    public async Task STOMP_S16_BEGIN_COMMIT_and_ABORT_each_answer_their_receipt()
    {
        var (_, _, publisher) = await SetupAsync();

        var receipts = await publisher.ExchangeAsync("BEGIN\ntransaction:a\nreceipt:1\n\n\0COMMIT\ntransaction:a\nreceipt:2\n\n\0BEGIN\ntransaction:b\nreceipt:3\n\n\0ABORT\ntransaction:b\nreceipt:4\n\n\0");

        Assert.Equal(["1", "2", "3", "4"], receipts.Select(r => r["receipt-id"]));
        Assert.All(receipts, r => Assert.Equal(StompCommand.Receipt, r.Command));
    }
}
