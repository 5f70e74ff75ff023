namespace StompFunctions.Protocol;

/// <summary>
/// Version negotiation: CONNECT's <c>accept-version</c> against the server's set ([Protocol Negotiation]),
/// and the WebSocket subprotocols <c>v10.stomp</c>, <c>v11.stomp</c>, <c>v12.stomp</c> (IANA registry).
/// </summary>
public static class StompVersionNegotiation
{
    /// <summary>
    /// Picks the highest version both sides support. A missing <c>accept-version</c> means a 1.0 client
    /// (STOMP-S25); list order does not matter and unknown versions such as <c>2.0</c> are ignored (STOMP-S26).
    /// False when nothing is common: answer ERROR with <see cref="FormatVersionList"/> in <c>version</c> (STOMP-S27).
    /// </summary>
    public static bool TryNegotiate(string? acceptVersion, StompVersionSet supported, out StompVersion version)
    {
        var common = ParseAcceptVersion(acceptVersion) & supported;
        version = StompVersion.V1_0;
        if (common == StompVersionSet.None)
        {
            return false;
        }

        version = Highest(common);
        return true;
    }

    /// <summary>The versions an <c>accept-version</c> value lists; a missing header means 1.0 only.</summary>
    public static StompVersionSet ParseAcceptVersion(string? acceptVersion)
    {
        if (acceptVersion is null)
        {
            return StompVersionSet.V1_0;
        }

        var set = StompVersionSet.None;
        foreach (var range in acceptVersion.AsSpan().Split(','))
        {
            // Policy: tolerate spaces around list items ("1.1, 1.2"); the items themselves must be exact.
            if (TryParseVersion(acceptVersion.AsSpan()[range].Trim(' '), out var version))
            {
                set |= ToSet(version);
            }
        }

        return set;
    }

    /// <summary>Parses <c>1.0</c>, <c>1.1</c> or <c>1.2</c>.</summary>
    public static bool TryParseVersion(ReadOnlySpan<char> text, out StompVersion version)
    {
        version = text switch
        {
            "1.0" => StompVersion.V1_0,
            "1.1" => StompVersion.V1_1,
            "1.2" => StompVersion.V1_2,
            _ => 0,
        };
        return version != 0;
    }

    /// <summary>The version as written in <c>version</c> and <c>accept-version</c>: <c>1.2</c>.</summary>
    public static string ToHeaderValue(StompVersion version) => version switch
    {
        StompVersion.V1_0 => "1.0",
        StompVersion.V1_1 => "1.1",
        StompVersion.V1_2 => "1.2",
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    /// <summary>Comma-separated, ascending: the <c>version</c> header of a negotiation ERROR (<c>1.0,1.1,1.2</c>).</summary>
    public static string FormatVersionList(StompVersionSet versions) => string.Join(',', Enumerate(versions).Select(ToHeaderValue));

    /// <summary>The single-version set.</summary>
    public static StompVersionSet ToSet(StompVersion version) => version switch
    {
        StompVersion.V1_0 => StompVersionSet.V1_0,
        StompVersion.V1_1 => StompVersionSet.V1_1,
        StompVersion.V1_2 => StompVersionSet.V1_2,
        _ => StompVersionSet.None,
    };

    /// <summary>The WebSocket subprotocol name of a version: <c>v12.stomp</c>.</summary>
    public static string GetSubprotocol(StompVersion version) => version switch
    {
        StompVersion.V1_0 => "v10.stomp",
        StompVersion.V1_1 => "v11.stomp",
        StompVersion.V1_2 => "v12.stomp",
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    /// <summary>The subprotocol names of a set, highest version first: <c>v12.stomp</c>, <c>v11.stomp</c>, <c>v10.stomp</c>.</summary>
    public static IReadOnlyList<string> GetSubprotocols(StompVersionSet versions) =>
        [.. Enumerate(versions).Reverse().Select(GetSubprotocol)];

    /// <summary>Parses a STOMP subprotocol name (exact, lower case as registered).</summary>
    public static bool TryParseSubprotocol(ReadOnlySpan<char> subprotocol, out StompVersion version)
    {
        version = subprotocol switch
        {
            "v10.stomp" => StompVersion.V1_0,
            "v11.stomp" => StompVersion.V1_1,
            "v12.stomp" => StompVersion.V1_2,
            _ => 0,
        };
        return version != 0;
    }

    /// <summary>
    /// Picks the subprotocol to echo in the handshake: the highest supported <c>vNN.stomp</c> offered
    /// (STOMP-S65). Items may be separate entries or comma-separated lists, as in the
    /// <c>Sec-WebSocket-Protocol</c> header. False when no STOMP subprotocol is offered.
    /// </summary>
    public static bool TrySelectSubprotocol(IEnumerable<string> offered, StompVersionSet supported, out string? subprotocol)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var best = StompVersionSet.None;
        foreach (var entry in offered)
        {
            if (entry is null)
            {
                continue;
            }

            foreach (var range in entry.AsSpan().Split(','))
            {
                if (TryParseSubprotocol(entry.AsSpan()[range].Trim(' '), out var version))
                {
                    best |= ToSet(version) & supported;
                }
            }
        }

        subprotocol = best == StompVersionSet.None ? null : GetSubprotocol(Highest(best));
        return subprotocol is not null;
    }

    private static StompVersion Highest(StompVersionSet set) =>
        (set & StompVersionSet.V1_2) != 0 ? StompVersion.V1_2
        : (set & StompVersionSet.V1_1) != 0 ? StompVersion.V1_1
        : StompVersion.V1_0;

    private static IEnumerable<StompVersion> Enumerate(StompVersionSet set)
    {
        if ((set & StompVersionSet.V1_0) != 0)
        {
            yield return StompVersion.V1_0;
        }

        if ((set & StompVersionSet.V1_1) != 0)
        {
            yield return StompVersion.V1_1;
        }

        if ((set & StompVersionSet.V1_2) != 0)
        {
            yield return StompVersion.V1_2;
        }
    }
}
