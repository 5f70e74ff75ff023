using Microsoft.Extensions.Options;

namespace StompFunctions.Broker.Configuration;

/// <summary>Refuses settings the engine cannot honour, at start-up rather than on the first frame.</summary>
internal sealed class StompBrokerOptionsValidator : IValidateOptions<StompBrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, StompBrokerOptions options)
    {
        var failures = new List<string>();
        if (options.SupportedVersions == Protocol.StompVersionSet.None)
        {
            failures.Add("SupportedVersions must contain at least one STOMP version.");
        }

        if (string.IsNullOrWhiteSpace(options.ServerName) || options.ServerName.StartsWith('/') || options.ServerName.StartsWith(' '))
        {
            failures.Add("ServerName must start with a server name (name[/version] [comments]).");
        }

        if (options.BrokerPrefixes.Any(string.IsNullOrEmpty))
        {
            failures.Add("BrokerPrefixes must not contain empty prefixes.");
        }

        Positive(failures, options.HeartBeatReceiveMilliseconds, nameof(options.HeartBeatReceiveMilliseconds), allowZero: true);
        Positive(failures, options.StoreGenerationCheckMilliseconds, nameof(options.StoreGenerationCheckMilliseconds));
        Positive(failures, options.ConnectionStateSpillThreshold, nameof(options.ConnectionStateSpillThreshold));
        Positive(failures, options.MaxConnectionStateBytes, nameof(options.MaxConnectionStateBytes));
        Positive(failures, options.MaxSubscriptionsPerConnection, nameof(options.MaxSubscriptionsPerConnection));
        Positive(failures, options.MaxOpenTransactions, nameof(options.MaxOpenTransactions));
        Positive(failures, options.MaxTransactionFrames, nameof(options.MaxTransactionFrames));
        Positive(failures, options.MaxTransactionBytes, nameof(options.MaxTransactionBytes));
        Positive(failures, options.MaxPendingFrameBytes, nameof(options.MaxPendingFrameBytes));
        if ((options.MaxPendingFrameBytes + 2L) / 3 * 4 >= options.MaxConnectionStateBytes)
        {
            failures.Add($"MaxPendingFrameBytes ({options.MaxPendingFrameBytes}) must leave room in MaxConnectionStateBytes ({options.MaxConnectionStateBytes}): the tail is kept base64-encoded in the state.");
        }
        try
        {
            options.Parsing.Validate();
        }
        catch (ArgumentException ex)
        {
            failures.Add("Parsing: " + ex.Message);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, int value, string name, bool allowZero = false)
    {
        if (value < 0 || (value == 0 && !allowZero))
        {
            failures.Add($"{name} must be {(allowZero ? "zero or more" : "greater than zero")}.");
        }
    }
}
