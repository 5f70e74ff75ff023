using System.Buffers;

namespace StompFunctions.Broker.Sessions;

/// <summary>Roles as a session keeps them: distinct, non-empty, in the order given; null when there are none.</summary>
internal static class SessionRoles
{
    public static string[]? Normalize(IEnumerable<string>? roles)
    {
        if (roles is null)
        {
            return null;
        }

        var distinct = new List<string>();
        foreach (var role in roles)
        {
            if (!string.IsNullOrEmpty(role) && !distinct.Contains(role, StringComparer.Ordinal))
            {
                distinct.Add(role);
            }
        }

        return distinct.Count > 0 ? [.. distinct] : null;
    }

    /// <summary>The <c>ce-connectionState</c> of a connection that has not sent CONNECT yet and carries these roles.</summary>
    public static string? InitialState(IEnumerable<string>? roles)
    {
        if (Normalize(roles) is not { } normalized)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(64);
        SessionStateWriter.WriteJson(new SessionState { Roles = normalized }, buffer);
        return SessionStateWriter.ToHeaderValue(buffer.WrittenSpan);
    }
}
