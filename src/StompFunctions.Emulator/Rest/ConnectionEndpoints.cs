using System.Net.WebSockets;
using StompFunctions.Emulator.Connections;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>Data-plane operations that ask whether a connection, group or user exists, and that close connections.</summary>
internal static class ConnectionEndpoints
{
    private const string DefaultCloseReason = "The connection was closed by the server.";

    public static Task ConnectionExistsAsync(RestCall call) =>
        call.StatusAsync(call.Hub.TryGetConnection(call.Segment(1), out _) ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);

    public static Task GroupExistsAsync(RestCall call) =>
        call.StatusAsync(call.Hub.HasGroup(call.Segment(1)) ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);

    public static Task UserExistsAsync(RestCall call) =>
        call.StatusAsync(call.Hub.HasUser(call.Segment(1)) ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);

    public static Task CloseConnectionAsync(RestCall call)
    {
        if (call.Hub.TryGetConnection(call.Segment(1), out var connection))
        {
            Close(connection, call);
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }

    public static Task CloseAllAsync(RestCall call) => CloseManyAsync(call, call.Hub.Connections);

    public static Task CloseGroupAsync(RestCall call) =>
        NameRules.IsValidGroup(call.Segment(1)) ? CloseManyAsync(call, call.Hub.GroupMembers(call.Segment(1))) : call.FailAsync(EmulatorError.GroupNameInvalid);

    public static Task CloseUserAsync(RestCall call) => CloseManyAsync(call, call.Hub.UserConnections(call.Segment(1)));

    private static Task CloseManyAsync(RestCall call, IEnumerable<ClientConnection> connections)
    {
        var excluded = call.QueryValues("excluded");
        foreach (var connection in connections.ToList())
        {
            if (!excluded.Contains(connection.ConnectionId))
            {
                Close(connection, call);
            }
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }

    /// <summary>Closes after what was already queued for the connection, so a last message sent before the close arrives.</summary>
    private static void Close(ClientConnection connection, RestCall call) =>
        connection.Close(WebSocketCloseStatus.NormalClosure, call.Query("reason") is { Length: > 0 } reason ? reason : DefaultCloseReason);
}
