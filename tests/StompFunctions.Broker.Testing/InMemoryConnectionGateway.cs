using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Testing;

/// <summary>
/// A gateway that holds its "connections" in memory: it delivers group and connection sends to them,
/// keeps group membership, and records every call in order so tests can assert what the engine did.
/// Sends to unknown connections or empty groups are recorded and otherwise dropped, as Web PubSub does.
/// </summary>
public sealed class InMemoryConnectionGateway : IConnectionGateway
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, InMemoryConnection> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _groups = new(StringComparer.Ordinal);
    private readonly List<GatewayOperation> _operations = [];

    /// <summary>When false, calls are not recorded (benchmarks measure the engine, not the recorder).</summary>
    public bool RecordOperations { get; set; } = true;

    /// <summary>A copy of the calls made so far, in order.</summary>
    public IReadOnlyList<GatewayOperation> Operations
    {
        get
        {
            lock (_lock)
            {
                return [.. _operations];
            }
        }
    }

    /// <summary>Opens an in-memory connection (or returns the open one with that id).</summary>
    public InMemoryConnection Connect(string connectionId)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        lock (_lock)
        {
            if (!_connections.TryGetValue(connectionId, out var connection))
            {
                connection = new InMemoryConnection(connectionId);
                _connections.Add(connectionId, connection);
            }

            return connection;
        }
    }

    /// <summary>Drops a connection as if its socket went away: it leaves every group.</summary>
    public void Disconnect(string connectionId)
    {
        lock (_lock)
        {
            _connections.Remove(connectionId);
            foreach (var members in _groups.Values)
            {
                members.Remove(connectionId);
            }
        }
    }

    /// <summary>The connections currently in a group.</summary>
    public IReadOnlyCollection<string> GetGroupMembers(string group)
    {
        lock (_lock)
        {
            return _groups.TryGetValue(group, out var members) ? [.. members] : [];
        }
    }

    /// <summary>Forgets the recorded calls.</summary>
    public void ClearOperations()
    {
        lock (_lock)
        {
            _operations.Clear();
        }
    }

    /// <inheritdoc />
    public ValueTask SendToConnectionAsync(string connectionId, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        InMemoryConnection? target;
        var copy = payload.ToArray();
        lock (_lock)
        {
            Record(new GatewayOperation(GatewayOperationKind.SendToConnection, connectionId, null, copy, kind, null));
            _connections.TryGetValue(connectionId, out target);
        }

        target?.Deliver(copy, kind);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask SendToGroupAsync(string group, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        InMemoryConnection[] targets;
        lock (_lock)
        {
            if (!RecordOperations && (!_groups.TryGetValue(group, out var quiet) || quiet.Count == 0))
            {
                return ValueTask.CompletedTask;
            }

            var copy = payload.ToArray();
            payload = copy;
            Record(new GatewayOperation(GatewayOperationKind.SendToGroup, group, null, copy, kind, null));
            targets = _groups.TryGetValue(group, out var members)
                ? [.. members.Select(id => _connections.GetValueOrDefault(id)).OfType<InMemoryConnection>()]
                : [];
        }

        foreach (var target in targets)
        {
            target.Deliver(payload, kind);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AddToGroupAsync(string connectionId, string group, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Record(new GatewayOperation(GatewayOperationKind.AddToGroup, group, connectionId, ReadOnlyMemory<byte>.Empty, PayloadKind.Text, null));
            if (!_groups.TryGetValue(group, out var members))
            {
                members = new HashSet<string>(StringComparer.Ordinal);
                _groups.Add(group, members);
            }

            members.Add(connectionId);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Record(new GatewayOperation(GatewayOperationKind.RemoveFromGroup, group, connectionId, ReadOnlyMemory<byte>.Empty, PayloadKind.Text, null));
            if (_groups.TryGetValue(group, out var members) && members.Remove(connectionId) && members.Count == 0)
            {
                _groups.Remove(group);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask CloseConnectionAsync(string connectionId, string reason, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        InMemoryConnection? target;
        lock (_lock)
        {
            Record(new GatewayOperation(GatewayOperationKind.CloseConnection, connectionId, null, ReadOnlyMemory<byte>.Empty, PayloadKind.Text, reason));
            _connections.TryGetValue(connectionId, out target);
        }

        if (target is not null)
        {
            target.Close(reason);
            Disconnect(connectionId);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask CloseGroupAsync(string group, string reason, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string[] members;
        lock (_lock)
        {
            Record(new GatewayOperation(GatewayOperationKind.CloseGroup, group, null, ReadOnlyMemory<byte>.Empty, PayloadKind.Text, reason));
            members = _groups.TryGetValue(group, out var set) ? [.. set] : [];
        }

        foreach (var connectionId in members)
        {
            await CloseConnectionAsync(connectionId, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ConnectionExistsAsync(string connectionId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return new ValueTask<bool>(_connections.ContainsKey(connectionId));
        }
    }

    private void Record(GatewayOperation operation)
    {
        if (RecordOperations)
        {
            _operations.Add(operation);
        }
    }
}
