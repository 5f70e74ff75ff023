using System.Runtime.CompilerServices;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace StompFunctions.Tables.Client;

/// <summary>Builds the one <see cref="TableServiceClient"/> a process uses from <see cref="TableStorageOptions"/>.</summary>
internal static class TableServiceClientFactory
{
    // One credential per options object: the state store's SDK and REST clients and the queue store share it, and with
    // it whatever tokens the credential caches (a managed identity's), instead of one credential per client.
    private static readonly ConditionalWeakTable<TableStorageOptions, TokenCredential> Credentials = new();

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

    /// <summary>The credential for <see cref="TableStorageOptions.Endpoint"/>: the same object for every client made from one options object.</summary>
    public static TokenCredential CreateCredential(TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Credential ?? Credentials.GetValue(options, NewCredential);
    }

    private static TokenCredential NewCredential(TableStorageOptions options)
    {
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
