using StompFunctions.Emulator.Connections;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>Data-plane operations that grant, revoke and check a connection's <c>sendToGroup</c> / <c>joinLeaveGroup</c> permission.</summary>
internal static class PermissionEndpoints
{
    private static readonly string[] Permissions = ["sendToGroup", "joinLeaveGroup"];

    public static Task GrantAsync(RestCall call) => ChangePermissionAsync(call, grant: true);

    public static Task RevokeAsync(RestCall call) => ChangePermissionAsync(call, grant: false);

    private static async Task ChangePermissionAsync(RestCall call, bool grant)
    {
        if (!TryReadPermission(call, out var permission, out var target))
        {
            await InvalidPermissionAsync(call);
            return;
        }

        if (!call.Hub.TryGetConnection(call.Segment(3), out var connection))
        {
            if (grant)
            {
                await call.FailAsync(EmulatorError.ConnectionNotFound, call.Segment(3));
                return;
            }

            await call.StatusAsync(StatusCodes.Status204NoContent);
            return;
        }

        var key = target is null ? permission : permission + "|" + target;
        if (grant)
        {
            connection.GrantedPermissions[key] = 0;
        }
        else
        {
            connection.GrantedPermissions.TryRemove(key, out _);
        }

        await call.StatusAsync(grant ? StatusCodes.Status200OK : StatusCodes.Status204NoContent);
    }

    public static async Task CheckAsync(RestCall call)
    {
        if (!TryReadPermission(call, out var permission, out var target))
        {
            await InvalidPermissionAsync(call);
            return;
        }

        var has = call.Hub.TryGetConnection(call.Segment(3), out var connection) && HasPermission(connection, permission, target);
        await call.StatusAsync(has ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// A permission comes from a grant (for all groups, or for the target) or from a role
    /// <c>webpubsub.{permission}</c> / <c>webpubsub.{permission}.{group}</c> (webpubsub-protocol.md §1.1).
    /// </summary>
    private static bool HasPermission(ClientConnection connection, string permission, string? target)
    {
        if (connection.GrantedPermissions.ContainsKey(permission)
            || (target is not null && connection.GrantedPermissions.ContainsKey(permission + "|" + target)))
        {
            return true;
        }

        var role = "webpubsub." + permission;
        foreach (var granted in connection.Roles)
        {
            if (string.Equals(granted, role, StringComparison.Ordinal)
                || (target is not null && string.Equals(granted, role + "." + target, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryReadPermission(RestCall call, out string permission, out string? target)
    {
        permission = "";
        target = call.Query("targetName");
        foreach (var known in Permissions)
        {
            // The spec's enum values are camelCase; SDKs send them as is, a different casing is still accepted.
            if (string.Equals(known, call.Segment(1), StringComparison.OrdinalIgnoreCase))
            {
                permission = known;
                return target is null || NameRules.IsValidGroup(target);
            }
        }

        return false;
    }

    private static Task InvalidPermissionAsync(RestCall call) =>
        call.FailAsync(EmulatorError.PermissionInvalid);
}
