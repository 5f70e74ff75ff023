using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>Data-plane operations that add connections and users to groups and remove them.</summary>
internal static class GroupEndpoints
{
    public static async Task AddConnectionAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(1)))
        {
            await call.FailAsync(EmulatorError.GroupNameInvalid);
            return;
        }

        if (!call.Hub.TryGetConnection(call.Segment(3), out var connection))
        {
            await call.FailAsync(EmulatorError.ConnectionNotFound, call.Segment(3));
            return;
        }

        call.Hub.AddToGroup(connection, call.Segment(1));
        await call.StatusAsync(StatusCodes.Status200OK);
    }

    public static Task RemoveConnectionAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(1)))
        {
            return call.FailAsync(EmulatorError.GroupNameInvalid);
        }

        if (call.Hub.TryGetConnection(call.Segment(3), out var connection))
        {
            call.Hub.RemoveFromGroup(connection, call.Segment(1));
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }

    public static Task RemoveConnectionFromAllAsync(RestCall call)
    {
        if (call.Hub.TryGetConnection(call.Segment(1), out var connection))
        {
            call.Hub.RemoveFromAllGroups(connection);
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }

    /// <summary>
    /// Adds the user's current connections. Microsoft's emulator answers 404 when the user has none; whether
    /// the service also remembers the membership for later connections is UNCONFIRMED, so this does not.
    /// </summary>
    public static async Task AddUserAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(3)))
        {
            await call.FailAsync(EmulatorError.GroupNameInvalid);
            return;
        }

        if (!call.Hub.HasUser(call.Segment(1)))
        {
            await call.FailAsync(EmulatorError.UserHasNoConnection, call.Segment(1));
            return;
        }

        foreach (var connection in call.Hub.UserConnections(call.Segment(1)))
        {
            call.Hub.AddToGroup(connection, call.Segment(3));
        }

        await call.StatusAsync(StatusCodes.Status200OK);
    }

    public static Task RemoveUserAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(3)))
        {
            return call.FailAsync(EmulatorError.GroupNameInvalid);
        }

        foreach (var connection in call.Hub.UserConnections(call.Segment(1)))
        {
            call.Hub.RemoveFromGroup(connection, call.Segment(3));
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }

    public static Task RemoveUserFromAllAsync(RestCall call)
    {
        foreach (var connection in call.Hub.UserConnections(call.Segment(1)))
        {
            call.Hub.RemoveFromAllGroups(connection);
        }

        return call.StatusAsync(StatusCodes.Status204NoContent);
    }
}
