using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Queues;

/// <summary>The outcome of a <see cref="IQueueStore.CommitAsync"/>.</summary>
/// <param name="Outcome">Whether every write was applied (then all were) or none.</param>
/// <param name="ETags">When applied, the new ETag of each write's row in write order (null for deletes); otherwise empty.</param>
public readonly record struct QueueCommitResult(StoreOutcome Outcome, IReadOnlyList<string?> ETags)
{
    public static QueueCommitResult Failed(StoreOutcome outcome) => new(outcome, []);
}
