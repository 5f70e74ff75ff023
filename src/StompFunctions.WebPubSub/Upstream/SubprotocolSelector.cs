using System.Globalization;

namespace StompFunctions.WebPubSub.Upstream;

/// <summary>
/// Picks the WebSocket subprotocol for a STOMP client (stomp-1.2.md §14, STOMP-S65): the highest
/// <c>vNN.stomp</c> offered, whatever the order of the offer. The name is only a label; the STOMP version
/// itself is negotiated later by <c>accept-version</c>.
/// </summary>
internal static class SubprotocolSelector
{
    public static SubprotocolChoice Select(IReadOnlyList<string> offered)
    {
        if (offered.Count == 0)
        {
            // No offer: the handshake needs no Sec-WebSocket-Protocol and the client still speaks STOMP.
            return new SubprotocolChoice(true, null);
        }

        string? best = null;
        var bestVersion = -1;
        foreach (var candidate in offered)
        {
            if (TryGetStompVersion(candidate, out var version) && version > bestVersion)
            {
                best = candidate;
                bestVersion = version;
            }
        }

        // Offers with no STOMP protocol at all (e.g. only json.webpubsub.azure.v1) are refused: answering without
        // a subprotocol would make the service fall back to its own JSON protocol and wrap every frame.
        return new SubprotocolChoice(best is not null, best);
    }

    /// <summary>IANA registers <c>v10.stomp</c>, <c>v11.stomp</c>, <c>v12.stomp</c>; later <c>vNN.stomp</c> names follow the same shape.</summary>
    internal static bool TryGetStompVersion(string candidate, out int version)
    {
        version = 0;
        const string Suffix = ".stomp";
        if (candidate.Length < 3 + Suffix.Length || candidate[0] != 'v' || !candidate.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = candidate.AsSpan(1, candidate.Length - 1 - Suffix.Length);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return digits.Length <= 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
