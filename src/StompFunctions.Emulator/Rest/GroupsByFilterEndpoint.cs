using StompFunctions.Emulator.Filters;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// <c>:addToGroups</c> / <c>:removeFromGroups</c>: adds every connection a filter matches to groups, or removes it,
/// with the groups and filter in a JSON body bounded by the hub options' message size.
/// </summary>
internal sealed class GroupsByFilterEndpoint(HubRegistry hubs)
{
    /// <summary><c>:addToGroups</c> / <c>:removeFromGroups</c> with body <c>{"groups":[...],"filter":"..."}</c>; no filter means every connection.</summary>
    public async Task ChangeAsync(RestCall call, bool add)
    {
        var body = await call.ReadBodyAsync(hubs.Options.MaxMessageBytes);
        if (body is null)
        {
            await call.FailAsync(EmulatorError.PayloadTooLarge, hubs.Options.MaxMessageBytes);
            return;
        }

        if (!GroupsBody.TryParse(body, out var groups, out var filterText))
        {
            await call.FailAsync(EmulatorError.GroupsByFilterBodyInvalid);
            return;
        }

        if (groups.Count == 0 || !groups.All(NameRules.IsValidGroup))
        {
            await call.FailAsync(EmulatorError.GroupsByFilterGroupsInvalid);
            return;
        }

        ConnectionFilter? filter = null;
        if (filterText is not null)
        {
            (filter, var error) = RestFilter.Parse(filterText);
            if (filter is null)
            {
                await call.FailAsync(EmulatorError.FilterInvalid, error);
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
