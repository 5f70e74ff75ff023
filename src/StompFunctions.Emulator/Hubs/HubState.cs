using System.Collections.Concurrent;
using StompFunctions.Emulator.Connections;

namespace StompFunctions.Emulator.Hubs;

/// <summary>
/// Live connections of one hub with their group and user indexes. Sends read the indexes without
/// locking; membership changes take one lock so that a group's entry is never removed while another
/// thread adds to it.
/// </summary>
internal sealed class HubState(string name)
{
    private readonly Lock _membership = new();
    private readonly ConcurrentDictionary<string, ClientConnection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ClientConnection>> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ClientConnection>> _users = new(StringComparer.Ordinal);

    /// <summary>The hub name as clients and servers address it (lower-cased).</summary>
    public string Name { get; } = name;

    /// <summary>Live view (no snapshot): ConcurrentDictionary's Values would lock every bucket and copy on each send.</summary>
    public IEnumerable<ClientConnection> Connections => Values(_connections);

    public bool TryGetConnection(string connectionId, out ClientConnection connection) =>
        _connections.TryGetValue(connectionId, out connection!);

    public void Add(ClientConnection connection, IEnumerable<string> groups)
    {
        lock (_membership)
        {
            _connections[connection.ConnectionId] = connection;
            if (connection.UserId is { } userId)
            {
                _users.GetOrAdd(userId, static _ => new(StringComparer.Ordinal))[connection.ConnectionId] = connection;
            }

            foreach (var group in groups)
            {
                AddToGroupLocked(connection, group);
            }
        }
    }

    public void Remove(ClientConnection connection)
    {
        lock (_membership)
        {
            _connections.TryRemove(connection.ConnectionId, out _);
            if (connection.UserId is { } userId && _users.TryGetValue(userId, out var userConnections))
            {
                userConnections.TryRemove(connection.ConnectionId, out _);
                if (userConnections.IsEmpty)
                {
                    _users.TryRemove(userId, out _);
                }
            }

            RemoveFromAllGroupsLocked(connection);
        }
    }

    public void AddToGroup(ClientConnection connection, string group)
    {
        lock (_membership)
        {
            // A connection that already left must not reappear in an index.
            if (_connections.ContainsKey(connection.ConnectionId))
            {
                AddToGroupLocked(connection, group);
            }
        }
    }

    public void RemoveFromGroup(ClientConnection connection, string group)
    {
        lock (_membership)
        {
            RemoveFromGroupLocked(connection, group);
        }
    }

    public void RemoveFromAllGroups(ClientConnection connection)
    {
        lock (_membership)
        {
            RemoveFromAllGroupsLocked(connection);
        }
    }

    public IEnumerable<ClientConnection> GroupMembers(string group) =>
        _groups.TryGetValue(group, out var members) ? Values(members) : [];

    public IEnumerable<ClientConnection> UserConnections(string userId) =>
        _users.TryGetValue(userId, out var connections) ? Values(connections) : [];

    public bool HasGroup(string group) => _groups.TryGetValue(group, out var members) && !members.IsEmpty;

    public bool HasUser(string userId) => _users.TryGetValue(userId, out var connections) && !connections.IsEmpty;

    private static IEnumerable<ClientConnection> Values(ConcurrentDictionary<string, ClientConnection> connections)
    {
        foreach (var pair in connections)
        {
            yield return pair.Value;
        }
    }

    private void AddToGroupLocked(ClientConnection connection, string group)
    {
        _groups.GetOrAdd(group, static _ => new(StringComparer.Ordinal))[connection.ConnectionId] = connection;
        connection.Groups[group] = 0;
    }

    private void RemoveFromGroupLocked(ClientConnection connection, string group)
    {
        connection.Groups.TryRemove(group, out _);
        if (_groups.TryGetValue(group, out var members))
        {
            members.TryRemove(connection.ConnectionId, out _);
            if (members.IsEmpty)
            {
                _groups.TryRemove(group, out _);
            }
        }
    }

    private void RemoveFromAllGroupsLocked(ClientConnection connection)
    {
        foreach (var group in connection.Groups.Keys)
        {
            RemoveFromGroupLocked(connection, group);
        }
    }
}
