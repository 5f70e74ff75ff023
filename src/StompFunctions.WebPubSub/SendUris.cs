using System.Collections.Concurrent;

namespace StompFunctions.WebPubSub;

/// <summary>
/// The complete URL of each send request a client repeats (to a group, to a connection), built and parsed once: a
/// SEND then reuses one <see cref="Uri"/>, whose <see cref="Uri.AbsoluteUri"/> (the access-key token's audience) is
/// computed once too, instead of printing, parsing and printing its URL again. Only the URL is kept, nothing the
/// service answered. Bounded: past <see cref="Capacity"/> names a map starts over, and a name longer than
/// <see cref="MaxNameLength"/> gets its URL made each time, not kept (group names may be 1,024 characters long).
/// </summary>
internal sealed class SendUris(Func<string, Uri> groupSend, Func<string, Uri> connectionSend)
{
    /// <summary>At most this many groups, and as many connections, are remembered.</summary>
    public const int Capacity = 4096;

    /// <summary>Longer names are not kept.</summary>
    public const int MaxNameLength = 256;

    private readonly ConcurrentDictionary<string, Uri> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> _connections = new(StringComparer.Ordinal);

    /// <summary>The URL of a send to <paramref name="group"/> (no connection excluded).</summary>
    public Uri ForGroup(string group) => Get(_groups, group, groupSend);

    /// <summary>The URL of a send to the connection <paramref name="connectionId"/>.</summary>
    public Uri ForConnection(string connectionId) => Get(_connections, connectionId, connectionSend);

    private static Uri Get(ConcurrentDictionary<string, Uri> map, string name, Func<string, Uri> build)
    {
        if (name.Length > MaxNameLength)
        {
            return build(name);
        }

        if (map.TryGetValue(name, out var uri))
        {
            return uri;
        }

        if (map.Count >= Capacity)
        {
            map.Clear();
        }

        uri = build(name);
        map.TryAdd(name, uri);
        return uri;
    }
}
