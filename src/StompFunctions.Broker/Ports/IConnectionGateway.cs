namespace StompFunctions.Broker.Ports;

/// <summary>
/// The engine's only way to reach connections other than the sender: whatever holds the sockets
/// (Azure Web PubSub through its REST API, the local emulator, a test double) implements it.
/// Replies to the sender travel in the upstream answer instead, not through this port.
/// </summary>
public interface IConnectionGateway
{
    /// <summary>Sends one WebSocket message to one connection.</summary>
    ValueTask SendToConnectionAsync(string connectionId, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken);

    /// <summary>Sends one WebSocket message to every connection in a group.</summary>
    ValueTask SendToGroupAsync(string group, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken);

    /// <summary>Adds a connection to a group; completes only once the service has applied it.</summary>
    ValueTask AddToGroupAsync(string connectionId, string group, CancellationToken cancellationToken);

    /// <summary>Removes a connection from a group; succeeds when it was not a member.</summary>
    ValueTask RemoveFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken);

    /// <summary>Closes a connection, giving the reason to the service.</summary>
    ValueTask CloseConnectionAsync(string connectionId, string reason, CancellationToken cancellationToken);

    /// <summary>Closes every connection of a group, each after the messages already sent to it; succeeds when the group is empty.</summary>
    ValueTask CloseGroupAsync(string group, string reason, CancellationToken cancellationToken);

    /// <summary>Whether the connection is still open (the collector uses it to find rows of connections that are gone).</summary>
    ValueTask<bool> ConnectionExistsAsync(string connectionId, CancellationToken cancellationToken);
}
