using StompFunctions.Protocol;

namespace StompFunctions.Broker.Queues;

/// <summary>
/// The headers a queue message keeps from its SEND or publish call: the user's, without those the server or the
/// transport owns (they are written fresh on each delivery) and without <c>redelivered</c>, which only the server sets.
/// </summary>
internal static class QueueHeaders
{
    public static List<KeyValuePair<string, string>> From(in StompHeaders headers)
    {
        var kept = new List<KeyValuePair<string, string>>(headers.Count);
        foreach (var header in headers)
        {
            var name = header.Name;
            if (!IsServerOwned(name))
            {
                kept.Add(new(name, header.Value));
            }
        }

        return kept;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> From(IReadOnlyList<KeyValuePair<string, string>>? headers) =>
        headers is null ? [] : [.. headers.Where(static h => !IsServerOwned(h.Key))];

    private static bool IsServerOwned(string name) => name is
        "destination" or "message-id" or "subscription" or "ack" or "receipt" or "transaction" or "content-length" or "redelivered";
}
