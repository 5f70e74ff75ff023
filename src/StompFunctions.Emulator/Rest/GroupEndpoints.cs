using StompFunctions.Emulator.Filters;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>Data-plane operations that add connections and users to groups and remove them.</summary>
internal sealed class GroupEndpoints(HubRegistry hubs)
{
    public static async Task AddConnectionAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(1)))
        {
            await call.InvalidGroupAsync();
            return;
        }

        if (!call.Hub.TryGetConnection(call.Segment(3), out var connection))
        {
            await call.ConnectionNotFoundAsync(call.Segment(3));
            return;
        }

        call.Hub.AddToGroup(connection, call.Segment(1));
        await call.StatusAsync(StatusCodes.Status200OK);
    }

    public static Task RemoveConnectionAsync(RestCall call)
    {
        if (!NameRules.IsValidGroup(call.Segment(1)))
        {
            return call.InvalidGroupAsync();
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
            await call.InvalidGroupAsync();
            return;
        }

        if (!call.Hub.HasUser(call.Segment(1)))
        {
            await call.NotFoundAsync($"The user '{call.Segment(1)}' has no connection.", "userId");
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
            return call.InvalidGroupAsync();
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

    /// <summary><c>:addToGroups</c> / <c>:removeFromGroups</c> with body <c>{"groups":[...],"filter":"..."}</c>; no filter means every connection.</summary>
    public async Task ChangeByFilterAsync(RestCall call, bool add)
    {
        var body = await call.ReadBodyAsync(hubs.Options.MaxMessageBytes);
        if (body is null)
        {
            await call.PayloadTooLargeAsync(hubs.Options.MaxMessageBytes);
            return;
        }

        if (!GroupsBody.TryParse(body, out var groups, out var filterText))
        {
            await call.BadRequestAsync("The body must be a JSON object {\"groups\": [string, ...], \"filter\": string}.", "body");
            return;
        }

        if (groups.Count == 0 || !groups.All(NameRules.IsValidGroup))
        {
            await call.BadRequestAsync("groups must list 1 or more names of 1 to 1024 characters, not only whitespace.", "groups");
            return;
        }

        ConnectionFilter? filter = null;
        if (filterText is not null)
        {
            (filter, var error) = RestFilter.Parse(filterText);
            if (filter is null)
            {
                await call.BadRequestAsync(error!, "filter");
                return;
            }
        }

        foreach (var connection in call.Hub.Connections)
        {
            if (filter is not null && !filter.Matches(connection))
            {
                continue;
            }

            foreach (var group in groups)
            {
                if (add)
                {
                    call.Hub.AddToGroup(connection, group);
                }
                else
                {
                    call.Hub.RemoveFromGroup(connection, group);
                }
            }
        }

        await call.StatusAsync(StatusCodes.Status200OK);
    }
}
