using Azure.Core;
using StompFunctions.Tables.Client;

namespace StompFunctions.Tables.Tests.Azurite;

/// <summary>Options pointing at a test Azurite, with table names of their own so tests never share data.</summary>
internal static class TestTableOptions
{
    public static TableStorageOptions For(AzuriteFixture azurite, TableRequestCounter? counter = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var options = new TableStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            RoutesTable = "routes" + suffix,
            SessionsTable = "sessions" + suffix,
            QueuesTable = "queues" + suffix,
        };

        // Short back-off: a stopped Azurite should fail a frame in well under a second.
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(20);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        if (counter is not null)
        {
            options.ConfigureClientOptions = o => o.AddPolicy(counter, HttpPipelinePosition.PerCall);
        }

        return options;
    }
}
