using System.Text;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Tests.Support;

/// <summary>
/// One connection driven through the engine the way the Web PubSub adapter does: it sends WebSocket
/// messages with the state the previous reply set, and receives group sends through the in-memory gateway.
/// </summary>
internal sealed class TestClient
{
    private readonly EngineHarness _harness;

    public TestClient(EngineHarness harness, string connectionId, string? userId)
    {
        _harness = harness;
        ConnectionId = connectionId;
        UserId = userId;
        Connection = harness.Gateway.Connect(connectionId);
    }

    public string ConnectionId { get; }

    public string? UserId { get; }

    public string? State { get; private set; }

    public string? Subprotocol { get; set; }

    public InMemoryConnection Connection { get; }

    public StompMessageResult? Last { get; private set; }

    /// <summary>What the adapter does on the <c>connect</c> event: the session starts with the token's roles.</summary>
    public void HandshakeWithRoles(params string[] roles) => State = _harness.Engine.CreateConnectionState(roles);

    public Task<StompMessageResult> SendAsync(string frames, PayloadKind kind = PayloadKind.Text) =>
        SendAsync(Encoding.UTF8.GetBytes(frames), kind);

    public async Task<StompMessageResult> SendAsync(byte[] payload, PayloadKind kind = PayloadKind.Binary)
    {
        var result = await _harness.Engine.HandleMessageAsync(new StompInboundMessage(ConnectionId, UserId, State, payload, kind, Subprotocol));
        State = result.ConnectionState;
        Last = result;
        return result;
    }

    /// <summary>Sends and returns the reply frames.</summary>
    public async Task<IReadOnlyList<ParsedFrame>> ExchangeAsync(string frames) => ParsedFrame.ParseAll((await SendAsync(frames)).Reply);

    /// <summary>The MESSAGE frames delivered to this connection through groups so far.</summary>
    public IReadOnlyList<ParsedFrame> Delivered =>
        [.. Connection.Received.SelectMany(m => ParsedFrame.ParseAll(m.Payload))];

    public Task DisconnectedAsync() => _harness.Engine.HandleDisconnectedAsync(ConnectionId, State).AsTask();
}
