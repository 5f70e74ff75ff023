using System.Globalization;

namespace StompFunctions.Broker.Queues;

/// <summary>The messages the broker makes: a SEND's new message (with its TTL) and a dead letter's copy.</summary>
internal static class QueueMessages
{
    /// <summary>A new message; an <c>expiration</c> header (milliseconds) drops it if it is not delivered in time.</summary>
    public static QueuedMessage Fresh(string sequence, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, long now) =>
        new(sequence, headers, body.ToArray(), 0, null, 0, ExpiryOf(headers, now));

    /// <summary>The dead letter keeps its sequence (an upsert: repeating it after a conflict adds no duplicate) and tells where it came from.</summary>
    public static QueuedMessage DeadLetter(string queue, QueuedMessage message) => new(
        message.Sequence,
        [
            .. message.Headers,
            new("original-destination", queue),
            new("delivery-count", message.Deliveries.ToString(CultureInfo.InvariantCulture)),
        ],
        message.Body,
        0,
        null,
        0,
        null);

    private static long? ExpiryOf(IReadOnlyList<KeyValuePair<string, string>> headers, long now)
    {
        foreach (var (name, value) in headers)
        {
            if (name == "expiration" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl))
            {
                return ttl > long.MaxValue - now ? null : now + ttl;
            }
        }

        return null;
    }
}
