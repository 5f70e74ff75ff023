using Azure.Core;
using Azure.Data.Tables;

namespace StompFunctions.Tables;

/// <summary>
/// Where the Table-backed state store lives and how it talks to it. Bound from the configuration
/// section <see cref="DefaultSectionName"/> (<c>Tables:ConnectionString</c>, <c>Tables:Endpoint</c>,
/// <c>Tables:ClientId</c>, …; in app settings <c>Tables__Endpoint</c> and so on, as the Bicep writes them).
/// </summary>
/// <remarks>
/// Exactly one way to reach the account is used, in this order:
/// <list type="number">
/// <item><see cref="ConnectionString"/>: a full storage connection string, an Azurite one on any port, or
/// <c>UseDevelopmentStorage=true</c> (Azurite on its default port 10002).</item>
/// <item><see cref="Endpoint"/> with <see cref="Credential"/> when code supplies one.</item>
/// <item><see cref="Endpoint"/> with a user-assigned managed identity when <see cref="ClientId"/> is set
/// (what the Bicep deploys; shared keys are disabled on that account).</item>
/// <item><see cref="Endpoint"/> with <c>DefaultAzureCredential</c> (developer sign-in, environment,
/// workload or managed identity).</item>
/// </list>
/// </remarks>
public sealed class TableStorageOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string DefaultSectionName = "Tables";

    /// <summary>A storage connection string; wins over <see cref="Endpoint"/> when both are set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint, e.g. <c>https://account.table.core.windows.net/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Client id of a user-assigned managed identity used with <see cref="Endpoint"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>A credential supplied by code (not bindable); used with <see cref="Endpoint"/>.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>
    /// The table holding routes and members, one partition per destination. Routes and members share
    /// it because a SUBSCRIBE writes both in one entity-group transaction, which cannot span tables.
    /// </summary>
    public string RoutesTable { get; set; } = "routes";

    /// <summary>The table holding the broker's queues: one partition per queue with its consumers and messages.</summary>
    public string QueuesTable { get; set; } = "queues";

    /// <summary>The table holding connection state too large for <c>ce-connectionState</c>, one partition per connection.</summary>
    public string SessionsTable { get; set; } = "sessions";

    /// <summary>
    /// Whether missing tables are created (once per process, and again if a table disappears).
    /// Turn it off when the identity may only read and write entities, not create tables.
    /// </summary>
    public bool CreateTablesIfMissing { get; set; } = true;

    /// <summary>
    /// Whether the Azure SDK's per-request diagnostics run: its request logging (AzureCoreEventSource), distributed
    /// tracing (an Activity per Table call, which Application Insights records as a dependency) and telemetry
    /// (the SDK's User-Agent). Off by default: every SEND makes one Table read, and these policies cost CPU and
    /// allocations per request (and billed telemetry per frame) without changing what the request does.
    /// Failures are logged by the store itself either way. When on, a SEND's two requests also go through Azure.Core's
    /// pipeline (which carries these policies) instead of straight through HttpClient.
    /// </summary>
    public bool SdkDiagnostics { get; set; }

    /// <summary>Retry and timeout settings applied to every request.</summary>
    public TableStorageRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// A last hook over the client options (extra pipeline policies, diagnostics, transport) after
    /// the retry settings are applied. Not bindable. When set, a SEND's two requests also go through Azure.Core's
    /// pipeline, so what it adds sees every request; without it they go straight through HttpClient.
    /// </summary>
    public Action<TableClientOptions>? ConfigureClientOptions { get; set; }
}
