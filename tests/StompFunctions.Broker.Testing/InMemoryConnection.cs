using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Testing;

/// <summary>A connection of the in-memory gateway: what it received, whether and why it was closed.</summary>
public sealed class InMemoryConnection
{
    private readonly Lock _lock = new();
    private readonly List<(ReadOnlyMemory<byte> Payload, PayloadKind Kind)> _received = [];

    internal InMemoryConnection(string connectionId) => ConnectionId = connectionId;

    /// <summary>The connection id.</summary>
    public string ConnectionId { get; }

    /// <summary>Whether the gateway closed the connection.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The reason the connection was closed with, if any.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>Raised after every message delivered to the connection (tests and the local stack forward it).</summary>
    public event Action<InMemoryConnection, ReadOnlyMemory<byte>, PayloadKind>? MessageReceived;

    /// <summary>A copy of the messages received so far, in order.</summary>
    public IReadOnlyList<(ReadOnlyMemory<byte> Payload, PayloadKind Kind)> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    internal void Deliver(ReadOnlyMemory<byte> payload, PayloadKind kind)
    {
        lock (_lock)
        {
            _received.Add((payload, kind));
        }

        MessageReceived?.Invoke(this, payload, kind);
    }

    internal void Close(string reason)
    {
        IsClosed = true;
        CloseReason = reason;
    }
}
