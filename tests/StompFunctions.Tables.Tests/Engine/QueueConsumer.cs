using StompFunctions.Protocol;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>
/// A queue consumer on one engine node: reads what the gateway delivered since last time, ACKs each message
/// (<c>client-individual</c>), and counts what it processed and how much came redelivered.
/// </summary>
internal sealed class QueueConsumer(StompTestConnection connection)
{
    private int _seen;

    public StompTestConnection Connection { get; } = connection;

    public List<string> Processed { get; } = [];

    public int Redelivered { get; private set; }

    public static async Task<QueueConsumer> StartAsync(EngineNode node, string connectionId, string queue, int prefetch)
    {
        var connection = node.Open(connectionId);
        await connection.ConnectAsync();
        var reply = await connection.ExchangeAsync($"SUBSCRIBE\nid:sub-0\ndestination:{queue}\nack:client-individual\nprefetch-count:{prefetch}\nreceipt:s\n\n\0");
        Assert.Equal(StompCommand.Receipt, reply.Command);
        return new QueueConsumer(connection);
    }

    /// <summary>ACKs what arrived since the last call; returns how many it acknowledged (an ERROR reply stops it).</summary>
    public async Task<int> AckNewAsync()
    {
        var received = Connection.Connection.Received;
        var acked = 0;
        for (; _seen < received.Count; _seen++)
        {
            foreach (var message in ReplyFrame.ParseAll(received[_seen].Payload))
            {
                Redelivered += message["redelivered"] == "true" ? 1 : 0;
                var replies = await Connection.SendAsync($"ACK\nid:{message["ack"]}\n\n\0");
                if (replies.Count > 0)
                {
                    return acked;
                }

                Processed.Add(message.Body);
                acked++;
            }
        }

        return acked;
    }
}
