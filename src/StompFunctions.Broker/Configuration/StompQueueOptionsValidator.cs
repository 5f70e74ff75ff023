using Microsoft.Extensions.Options;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Configuration;

/// <summary>Refuses queue settings the broker cannot honour, at start-up, naming the setting (section <c>Stomp:Queues</c>).</summary>
internal sealed class StompQueueOptionsValidator : IValidateOptions<StompQueueOptions>
{
    // A consumer's return on disconnect (its row and every unsettled message) must fit one entity-group transaction.
    private const int PrefetchLimit = QueueWrite.MaxPerCommit - 1;

    public ValidateOptionsResult Validate(string? name, StompQueueOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.QueuePrefix) || string.IsNullOrEmpty(options.DeadLetterSuffix))
        {
            failures.Add("Stomp:Queues:QueuePrefix and Stomp:Queues:DeadLetterSuffix must not be empty.");
        }

        if (options.MaxPrefetch is < 1 or > PrefetchLimit || options.DefaultPrefetch < 1 || options.DefaultPrefetch > options.MaxPrefetch)
        {
            failures.Add($"Stomp:Queues needs 1 <= DefaultPrefetch <= MaxPrefetch <= {PrefetchLimit}.");
        }

        if (options.MaxDeliveries < 1 || options.ReadBatch < 1 || options.MaxConflictRetries < 1)
        {
            failures.Add("Stomp:Queues:MaxDeliveries, ReadBatch and MaxConflictRetries must be at least 1.");
        }

        if (options.AutoAckLease <= TimeSpan.Zero || options.SendLease <= TimeSpan.Zero)
        {
            failures.Add("Stomp:Queues:AutoAckLease and Stomp:Queues:SendLease must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
