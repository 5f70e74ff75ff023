using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace StompFunctions.Tables.Client;

/// <summary>Builds the one <see cref="TableServiceClient"/> a process uses from <see cref="TableStorageOptions"/>.</summary>
internal static class TableServiceClientFactory
{
    public static TableServiceClient Create(TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = CreateClientOptions(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            // Handles full connection strings, Azurite ones on any port and UseDevelopmentStorage=true.
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        if (options.Endpoint is null)
        {
            throw new InvalidOperationException(
                $"Table storage is not configured: set {TableStorageOptions.DefaultSectionName}:ConnectionString " +
                $"(UseDevelopmentStorage=true for Azurite) or {TableStorageOptions.DefaultSectionName}:Endpoint.");
        }

        return new TableServiceClient(options.Endpoint, CreateCredential(options), clientOptions);
    }

    public static TokenCredential CreateCredential(TableStorageOptions options)
    {
        if (options.Credential is not null)
        {
            return options.Credential;
        }

        if (!string.IsNullOrWhiteSpace(options.ClientId))
        {
            // Straight to the user-assigned identity the Bicep attaches: no credential chain to probe.
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
        }

        return new DefaultAzureCredential();
    }

    public static TableClientOptions CreateClientOptions(TableStorageOptions options)
    {
        var clientOptions = new TableClientOptions();
        options.Retry.ApplyTo(clientOptions.Retry);
        var diagnostics = clientOptions.Diagnostics;
        diagnostics.IsLoggingEnabled = options.SdkDiagnostics;
        diagnostics.IsDistributedTracingEnabled = options.SdkDiagnostics;
        diagnostics.IsTelemetryEnabled = options.SdkDiagnostics;
        options.ConfigureClientOptions?.Invoke(clientOptions);
        return clientOptions;
    }
}
