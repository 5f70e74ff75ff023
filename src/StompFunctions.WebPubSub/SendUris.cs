using StompFunctions.Rest;

namespace StompFunctions.WebPubSub;

/// <summary>
/// The complete URL of each send request a client repeats (to a group, to a connection), built and parsed once: a
/// SEND then reuses one <see cref="Uri"/>, whose <see cref="Uri.AbsoluteUri"/> (the access-key token's audience) is
/// computed once too, instead of printing, parsing and printing its URL again. Only the URL is kept, nothing the
/// service answered. Bounded as <see cref="BoundedMap{TValue}"/> is, and a name longer than <see cref="MaxNameLength"/>
/// gets its URL made each time, not kept (group names may be 1,024 characters long).
/// </summary>
internal sealed class SendUris(Func<string, Uri> groupSend, Func<string, Uri> connectionSend)
{
    /// <summary>Longer names are not kept.</summary>
    public const int MaxNameLength = 256;

    private readonly BoundedMap<Uri> _groups = new(groupSend, MaxNameLength);
    private readonly BoundedMap<Uri> _connections = new(connectionSend, MaxNameLength);

    /// <summary>The URL of a send to <paramref name="group"/> (no connection excluded).</summary>
    public Uri ForGroup(string group) => _groups.Get(group);

    /// <summary>The URL of a send to the connection <paramref name="connectionId"/>.</summary>
    public Uri ForConnection(string connectionId) => _connections.Get(connectionId);
}
