using StompFunctions.Broker.Ports;

namespace StompFunctions.Benchmarks.Tables;

/// <summary>A gateway that does nothing, so the Table benchmarks measure the engine and the store only.</summary>
internal sealed class NullGateway : IConnectionGateway
{
    public ValueTask SendToConnectionAsync(string connectionId, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask SendToGroupAsync(string group, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask AddToGroupAsync(string connectionId, string group, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask RemoveFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask CloseConnectionAsync(string connectionId, string reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask CloseGroupAsync(string group, string reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<bool> ConnectionExistsAsync(string connectionId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
