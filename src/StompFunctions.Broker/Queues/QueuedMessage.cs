namespace StompFunctions.Broker.Queues;

/// <summary>
/// One message of a queue. <see cref="Sequence"/> orders the queue (<see cref="QueueSequence"/>) and is the
/// MESSAGE's <c>message-id</c>, so an ACK names its row without a lookup.
/// </summary>
/// <param name="Sequence">The message's place in the queue, unique across instances.</param>
/// <param name="Headers">The user headers to pass through (never <c>destination</c>, <c>message-id</c> and the like).</param>
/// <param name="Body">The body bytes.</param>
/// <param name="Deliveries">How many times it was handed to a consumer; above zero, the next delivery is marked redelivered.</param>
/// <param name="Owner">The consumer holding it (<see cref="QueueOwners"/>), or null when ready.</param>
/// <param name="LeaseUntil">
/// Unix milliseconds until which the owner holds it: 0 when ready, <see cref="long.MaxValue"/> for the client
/// modes (held until settled), a short lease in auto mode (the message comes back if the instance that
/// claimed it died before it sent and deleted it).
/// </param>
/// <param name="ExpiresAt">Unix milliseconds after which it is dropped undelivered (<c>expiration</c>), or null.</param>
/// <param name="ETag">The store's version when read; null on messages built for writing.</param>
public sealed record QueuedMessage(
    string Sequence,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body,
    int Deliveries,
    string? Owner,
    long LeaseUntil,
    long? ExpiresAt,
    string? ETag = null)
{
    /// <summary>Held until settled (client modes).</summary>
    public const long HeldUntilSettled = long.MaxValue;
}
