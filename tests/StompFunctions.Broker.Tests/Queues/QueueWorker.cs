using StompFunctions.Broker.Tests.Support;

namespace StompFunctions.Broker.Tests.Queues;

/// <summary>
/// A queue consumer driven through the engine: it reads what the gateway delivered since last time, counts
/// redeliveries, and settles (ACK each in <c>client-individual</c>, the latest in <c>client</c>, nothing in <c>auto</c>).
/// A message counts as processed once acknowledged (auto: once received).
/// </summary>
internal sealed class QueueWorker
{
    private readonly EngineHarness _harness;
    private readonly TestClient _client;
    private readonly string _mode;
    private readonly List<(string Ack, string Body)> _unsettled = [];
    private int _seen;

    private QueueWorker(EngineHarness harness, TestClient client, string mode)
    {
        _harness = harness;
        _client = client;
        _mode = mode;
    }

    public HashSet<string> Processed { get; } = new(StringComparer.Ordinal);

    public int Redelivered { get; private set; }

    public bool Dropped { get; private set; }

    public static async Task<QueueWorker> StartAsync(EngineHarness harness, string connectionId, string mode, string queue)
    {
        var client = await harness.ConnectedClientAsync(connectionId);
        await client.ExchangeAsync($"SUBSCRIBE\nid:sub-0\ndestination:{queue}\nack:{mode}\n\n\0");
        return new QueueWorker(harness, client, mode);
    }

    public async Task SettleAsync()
    {
        if (Dropped)
        {
            return;
        }

        var received = _client.Connection.Received;
        for (; _seen < received.Count; _seen++)
        {
            foreach (var message in ParsedFrame.ParseAll(received[_seen].Payload))
            {
                Redelivered += message.Has("redelivered") ? 1 : 0;
                if (_mode == "auto")
                {
                    Processed.Add(message.BodyText);
                }
                else
                {
                    _unsettled.Add((message["ack"]!, message.BodyText));
                }
            }
        }

        if (_unsettled.Count == 0)
        {
            return;
        }

        var acks = _mode == "client" ? [_unsettled[^1]] : _unsettled;
        foreach (var (ack, _) in acks)
        {
            await _client.ExchangeAsync($"ACK\nid:{ack}\n\n\0");
        }

        foreach (var (_, body) in _unsettled)
        {
            Processed.Add(body);
        }

        _unsettled.Clear();
    }

    /// <summary>The connection goes away holding what it has not acknowledged.</summary>
    public async Task DropAsync(bool sendDisconnected)
    {
        Dropped = true;
        _harness.Gateway.Disconnect(_client.ConnectionId);
        if (sendDisconnected)
        {
            await _client.DisconnectedAsync();
        }
    }
}
