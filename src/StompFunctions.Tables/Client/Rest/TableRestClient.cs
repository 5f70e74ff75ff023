using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using StompFunctions.Rest;

namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// A lean client of the Table service REST API for the few requests a SEND makes (a partition query, an insert,
/// a conditional replace). Requests go straight through HttpClient where nothing of Azure.Core's pipeline could be
/// missed (<see cref="DirectTableTransport"/>), else through a pipeline built once from the same client options as
/// the Azure.Data.Tables client (<see cref="PipelineTableTransport"/>), so retries and failures behave alike.
/// Authorized with SharedKeyLite for account keys, the SAS of a connection string, or an Entra ID bearer
/// token (managed identity). Failures are <see cref="RequestFailedException"/>s with the service's error code.
/// Pages come back as raw JSON bytes for the caller to read into its own types; table-storage-rest.md has the wire rules.
/// </summary>
internal sealed class TableRestClient
{
    /// <summary>Entra ID scope of Azure Storage (table-storage-rest.md §3.3).</summary>
    internal const string StorageScope = "https://storage.azure.com/.default";

    private const string MinimalMetadata = "application/json;odata=minimalmetadata";
    private const string NoMetadata = "application/json;odata=nometadata";

    private readonly string _endpoint;
    private readonly string? _sas;

    /// <param name="endpoint">The table endpoint (with the account in the path on Azurite).</param>
    /// <param name="transport">How requests are sent and authorized (a SAS excepted, which <paramref name="sas"/> carries).</param>
    /// <param name="sas">A shared access signature appended to every URL, without its leading <c>?</c>.</param>
    public TableRestClient(Uri endpoint, TableTransport transport, string? sas = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(transport);
        _endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        Transport = transport;
        _sas = string.IsNullOrEmpty(sas) ? null : sas;
    }

    /// <summary>How this client's requests leave the process.</summary>
    public TableTransport Transport { get; }

    /// <summary>
    /// The client for the account <paramref name="service"/> addresses, authorized as <paramref name="options"/> says:
    /// the connection string's key or SAS, else the options' token credential (a managed identity in Azure).
    /// </summary>
    /// <param name="service">The SDK client of the account (its endpoint and account name).</param>
    /// <param name="options">The store's options: connection string or endpoint and identity, retries, diagnostics.</param>
    /// <param name="timeProvider">The clock for signatures, tokens and <c>Retry-After</c> dates.</param>
    /// <param name="handler">The HTTP handler of the direct path; the process-wide socket pool when omitted (tests pass a stub).</param>
    public static TableRestClient Create(TableServiceClient service, TableStorageOptions options, TimeProvider timeProvider, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = TableServiceClientFactory.CreateClientOptions(options);
        SharedKeyLiteSigner? signer = null;
        string? sas = null;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var secret = TableConnectionSecret.Parse(options.ConnectionString);
            sas = secret.SharedAccessSignature;
            signer = secret.AccountKey is null ? null : new SharedKeyLiteSigner(secret.AccountName ?? service.AccountName, secret.AccountKey, timeProvider);
        }

        var credential = signer is null && sas is null ? TableServiceClientFactory.CreateCredential(options) : null;
        if (credential is not null && service.Uri.Scheme != Uri.UriSchemeHttps)
        {
            // As Azure.Core's bearer policy: a token never travels in clear text.
            throw new InvalidOperationException($"Bearer tokens are only sent over https; {service.Uri.Scheme} endpoints need a connection string.");
        }

        TableTransport transport;
        if (DirectTableTransport.Applies(options))
        {
            var bearer = credential is null ? null : new BearerTokens(credential, StorageScope, timeProvider);
            transport = new DirectTableTransport(clientOptions.Retry, signer, bearer, timeProvider, handler);
        }
        else
        {
            var pipelineOptions = new HttpPipelineOptions(clientOptions) { RequestFailedDetailsParser = TableErrorParser.Instance };
            if (signer is not null)
            {
                pipelineOptions.PerRetryPolicies.Add(new TableSharedKeyLitePolicy(signer));
            }
            else if (credential is not null)
            {
                pipelineOptions.PerRetryPolicies.Add(new BearerTokenAuthenticationPolicy(credential, StorageScope));
            }

            transport = new PipelineTableTransport(HttpPipelineBuilder.Build(pipelineOptions));
        }

        return new TableRestClient(service.Uri, transport, sas);
    }

    /// <summary>A query of <paramref name="table"/> returning only <paramref name="select"/>, its URL prefix made once.</summary>
    public TableQuery Query(string table, IReadOnlyList<string> select)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(select);

        // $top is per page; Azure.Data.Tables sends the same three options (table-storage-rest.md §5.1).
        var prefix = string.Concat(_endpoint, "/", Uri.EscapeDataString(table), "()?", _sas is null ? null : _sas + "&", "$top=1000&$select=", Uri.EscapeDataString(string.Join(',', select)));
        return new TableQuery(this, new Uri(prefix, UriKind.Absolute));
    }

    /// <summary>
    /// Runs <paramref name="filter"/> and hands every page's JSON body to <paramref name="readPage"/>, following the
    /// continuation headers until the service sends none (a page may be empty yet continue).
    /// </summary>
    public async Task QueryAsync<TState>(TableQuery query, string filter, TState state, Action<ReadOnlyMemory<byte>, TState> readPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(readPage);
        string? nextPartition = null;
        string? nextRow = null;
        do
        {
            var uri = query.FirstPage(filter);
            if (nextPartition is not null)
            {
                // Continuation keys are opaque tokens: escaped as data, as Azure.Core's query builder escapes them.
                var next = "&NextPartitionKey=" + Uri.EscapeDataString(nextPartition) + (nextRow is null ? null : "&NextRowKey=" + Uri.EscapeDataString(nextRow));
                uri = new Uri(uri.AbsoluteUri + next, UriKind.Absolute);
            }

            // Minimal metadata: each entity carries its odata.etag, which the store's routes keep.
            using var page = await Transport.SendAsync(new TableRequest(HttpMethod.Get, uri, MinimalMetadata, default, Write: false), cancellationToken).ConfigureAwait(false);
            readPage(page.Body, state);
            nextPartition = page.NextPartition;
            nextRow = page.NextRow;
        }
        while (nextPartition is not null);
    }

    /// <summary>Inserts an entity (its JSON holds PartitionKey and RowKey) and returns its ETag; 409 EntityAlreadyExists when it exists.</summary>
    public async Task<string?> InsertAsync(string table, ReadOnlyMemory<byte> entity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        var uri = new Uri(string.Concat(_endpoint, "/", Uri.EscapeDataString(table), Sas()), UriKind.Absolute);
        using var answer = await Transport.SendAsync(new TableRequest(HttpMethod.Post, uri, NoMetadata, entity, Write: true, PreferNoContent: true), cancellationToken).ConfigureAwait(false);
        return answer.ETag;
    }

    /// <summary>Replaces an entity if its ETag is still <paramref name="etag"/> and returns the new one; 412 when it changed, 404 when it is gone.</summary>
    public async Task<string?> ReplaceAsync(string table, string partitionKey, string rowKey, ReadOnlyMemory<byte> entity, string etag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var uri = new Uri(string.Concat(_endpoint, EntityPath(table, partitionKey, rowKey), Sas()), UriKind.Absolute);
        using var answer = await Transport.SendAsync(new TableRequest(HttpMethod.Put, uri, NoMetadata, entity, Write: true, IfMatch: etag), cancellationToken).ConfigureAwait(false);
        return answer.ETag;
    }

    /// <summary><c>/{table}(PartitionKey='{pk}',RowKey='{rk}')</c>: keys as OData literals (quotes doubled), then escaped, as the SDK sends them.</summary>
    internal static string EntityPath(string table, string partitionKey, string rowKey) =>
        string.Concat("/", Uri.EscapeDataString(table), "(PartitionKey='", Uri.EscapeDataString(Literal(partitionKey)), "',RowKey='", Uri.EscapeDataString(Literal(rowKey)), "')");

    private static string Literal(string key) => key.Contains('\'', StringComparison.Ordinal) ? key.Replace("'", "''", StringComparison.Ordinal) : key;

    private string? Sas() => _sas is null ? null : "?" + _sas;
}
