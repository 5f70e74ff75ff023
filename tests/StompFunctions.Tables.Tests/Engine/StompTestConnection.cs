using System.Text;
using StompFunctions.Broker;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Ports;
using StompFunctions.Protocol;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>
/// One client connection, driven through an engine node the way the Web PubSub adapter drives it: each
/// WebSocket message goes with the state the previous answer set, and group sends arrive through the
/// shared gateway. Frames of one connection are sent one at a time, as the service guarantees.
/// </summary>
internal sealed class StompTestConnection
{
    private readonly EngineNode _node;

    private readonly string? _userId;

    public StompTestConnection(EngineNode node, string connectionId, string? userId = null)
    {
        _node = node;
        _userId = userId;
        ConnectionId = connectionId;
        Connection = node.Gateway.Connect(connectionId);
    }

    public string ConnectionId { get; }

    public InMemoryConnection Connection { get; }

    public string? State { get; private set; }

    public async Task<IReadOnlyList<ReplyFrame>> SendAsync(string frames)
    {
        var result = await _node.Engine.HandleMessageAsync(new StompInboundMessage(ConnectionId, _userId, State, Encoding.UTF8.GetBytes(frames), PayloadKind.Text, "v12.stomp"));
        State = result.ConnectionState;
        return ReplyFrame.ParseAll(result.Reply);
    }

    /// <summary>Goes back to an earlier state, as the service does when it retries an event whose answer it never got.</summary>
    public void Rewind(string? state) => State = state;

    /// <summary>Sends one frame and returns its single reply frame.</summary>
    public async Task<ReplyFrame> ExchangeAsync(string frame) => Assert.Single(await SendAsync(frame));

    public async Task ConnectAsync()
    {
        var reply = await ExchangeAsync("CONNECT\naccept-version:1.2\nhost:test\n\n\0");
        Assert.Equal(StompCommand.Connected, reply.Command);
    }

    public async Task SubscribeAsync(string destination, string id, string ack = "auto")
    {
        var reply = await ExchangeAsync($"SUBSCRIBE\nid:{id}\ndestination:{destination}\nack:{ack}\nreceipt:s-{id}\n\n\0");
        Assert.True(reply.Command == StompCommand.Receipt, $"SUBSCRIBE got {reply.Command}: {reply["message"]}");
    }

    public async Task UnsubscribeAsync(string id)
    {
        var reply = await ExchangeAsync($"UNSUBSCRIBE\nid:{id}\nreceipt:u-{id}\n\n\0");
        Assert.True(reply.Command == StompCommand.Receipt, $"UNSUBSCRIBE got {reply.Command}: {reply["message"]}");
    }

    public Task<ReplyFrame> SendMessageAsync(string destination, string body, string receipt) =>
        ExchangeAsync($"SEND\ndestination:{destination}\ncontent-type:text/plain\nreceipt:{receipt}\n\n{body}\0");

    /// <summary>What Web PubSub does once the socket is gone: the gateway forgets it and the engine hears the disconnected event.</summary>
    public async Task DisconnectedAsync()
    {
        _node.Gateway.Disconnect(ConnectionId);
        await _node.Engine.HandleDisconnectedAsync(ConnectionId, State);
    }

    /// <summary>The MESSAGE frames the gateway delivered to this connection so far.</summary>
    public IReadOnlyList<ReplyFrame> Delivered => [.. Connection.Received.SelectMany(m => ReplyFrame.ParseAll(m.Payload))];
}
