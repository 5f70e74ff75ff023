using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// A lean client of the Table service REST API for the few requests a SEND makes (a partition query, an insert,
/// a conditional replace), on Azure.Core's <see cref="HttpPipeline"/> built once from the same client options as
/// the Azure.Data.Tables client (<see cref="TableServiceClientFactory.CreateClientOptions"/>: retries, timeouts,
/// diagnostics, transport and any policies an application adds), so retries and failures behave alike.
/// Authorized with SharedKeyLite for account keys, the SAS of a connection string, or an Entra ID bearer
/// token (managed identity). Failures are <see cref="RequestFailedException"/>s with the service's error code.
/// Pages come back as raw JSON bytes for the caller to read into its own types; table-storage-rest.md has the wire rules.
/// </summary>
internal sealed class TableRestClient
{
    /// <summary>Entra ID scope of Azure Storage (table-storage-rest.md §3.3).</summary>
    internal const string StorageScope = "https://storage.azure.com/.default";

    /// <summary>The version Azure.Data.Tables sends; JSON and bearer tokens need at least 2017-11-09.</summary>
    internal const string ServiceVersion = "2020-12-06";

    private const string MinimalMetadata = "application/json;odata=minimalmetadata";
    private const string NoMetadata = "application/json;odata=nometadata";
    private const string NextPartitionHeader = "x-ms-continuation-NextPartitionKey";
    private const string NextRowHeader = "x-ms-continuation-NextRowKey";

    private static readonly ResponseClassifier Classifier200 = new StatusCodeClassifier([200]);
    private static readonly ResponseClassifier Classifier201Or204 = new StatusCodeClassifier([201, 204]);

    private readonly HttpPipeline _pipeline;
    private readonly string _endpoint;
    private readonly Uri _root;
    private readonly string? _sas;

    /// <param name="endpoint">The table endpoint (with the account in the path on Azurite).</param>
    /// <param name="pipeline">A pipeline that authorizes each attempt (or none when <paramref name="sas"/> is given).</param>
    /// <param name="sas">A shared access signature appended to every URL, without its leading <c>?</c>.</param>
    public TableRestClient(Uri endpoint, HttpPipeline pipeline, string? sas = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(pipeline);
        _endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        _root = new Uri(_endpoint + "/", UriKind.Absolute);
        _pipeline = pipeline;
        _sas = string.IsNullOrEmpty(sas) ? null : sas;
    }

    /// <summary>
    /// The client for the account <paramref name="service"/> addresses, authorized as <paramref name="options"/> says:
    /// the connection string's key or SAS, else the options' token credential (a managed identity in Azure).
    /// </summary>
    public static TableRestClient Create(TableServiceClient service, TableStorageOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var pipelineOptions = new HttpPipelineOptions(TableServiceClientFactory.CreateClientOptions(options))
        {
            RequestFailedDetailsParser = TableErrorParser.Instance,
        };

        string? sas = null;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var secret = TableConnectionSecret.Parse(options.ConnectionString);
            sas = secret.SharedAccessSignature;
            if (secret.AccountKey is not null)
            {
                pipelineOptions.PerRetryPolicies.Add(new TableSharedKeyLitePolicy(secret.AccountName ?? service.AccountName, secret.AccountKey, timeProvider));
            }
        }
        else
        {
            pipelineOptions.PerRetryPolicies.Add(new BearerTokenAuthenticationPolicy(TableServiceClientFactory.CreateCredential(options), StorageScope));
        }

        return new TableRestClient(service.Uri, HttpPipelineBuilder.Build(pipelineOptions), sas);
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
            using var message = _pipeline.CreateMessage(context: null, Classifier200);
            var request = message.Request;
            request.Method = RequestMethod.Get;
            request.Uri.Reset(query.FirstPage(filter));
            if (nextPartition is not null)
            {
                request.Uri.AppendQuery("NextPartitionKey", nextPartition, escapeValue: true);
                if (nextRow is not null)
                {
                    request.Uri.AppendQuery("NextRowKey", nextRow, escapeValue: true);
                }
            }

            // Minimal metadata: each entity carries its odata.etag, which the store's routes keep.
            SetCommonHeaders(request, MinimalMetadata);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            readPage(response.Content.ToMemory(), state);
            nextPartition = response.Headers.TryGetValue(NextPartitionHeader, out var partition) ? partition : null;
            nextRow = response.Headers.TryGetValue(NextRowHeader, out var row) ? row : null;
        }
        while (nextPartition is not null);
    }

    /// <summary>Inserts an entity (its JSON holds PartitionKey and RowKey) and returns its ETag; 409 EntityAlreadyExists when it exists.</summary>
    public async Task<string?> InsertAsync(string table, ReadOnlyMemory<byte> entity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        using var message = CreateWriteMessage(RequestMethod.Post, entity);
        message.Request.Uri.AppendPath(table, escape: true);
        AppendSas(message.Request.Uri);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Headers.ETag?.ToString();
    }

    /// <summary>Replaces an entity if its ETag is still <paramref name="etag"/> and returns the new one; 412 when it changed, 404 when it is gone.</summary>
    public async Task<string?> ReplaceAsync(string table, string partitionKey, string rowKey, ReadOnlyMemory<byte> entity, string etag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        using var message = CreateWriteMessage(RequestMethod.Put, entity);
        AppendEntityPath(message.Request.Uri, table, partitionKey, rowKey);
        AppendSas(message.Request.Uri);
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, etag);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Headers.ETag?.ToString();
    }

    /// <summary><c>/{table}(PartitionKey='{pk}',RowKey='{rk}')</c>: keys as OData literals (quotes doubled), then escaped, as the SDK sends them.</summary>
    internal static void AppendEntityPath(RequestUriBuilder uri, string table, string partitionKey, string rowKey)
    {
        uri.AppendPath(table, escape: true);
        uri.AppendPath("(PartitionKey='", escape: false);
        uri.AppendPath(Literal(partitionKey), escape: true);
        uri.AppendPath("',RowKey='", escape: false);
        uri.AppendPath(Literal(rowKey), escape: true);
        uri.AppendPath("')", escape: false);
    }

    private static string Literal(string key) => key.Contains('\'', StringComparison.Ordinal) ? key.Replace("'", "''", StringComparison.Ordinal) : key;

    private static void SetCommonHeaders(Request request, string accept)
    {
        request.Headers.SetValue("x-ms-version", ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue(HttpHeader.Names.Accept, accept);
    }

    private HttpMessage CreateWriteMessage(RequestMethod method, ReadOnlyMemory<byte> entity)
    {
        var message = _pipeline.CreateMessage(context: null, Classifier201Or204);
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(_root);
        SetCommonHeaders(request, NoMetadata);
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(entity);
        return message;
    }

    private void AppendSas(RequestUriBuilder uri)
    {
        if (_sas is not null)
        {
            uri.Query = "?" + _sas;
        }
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return response.IsError ? throw new RequestFailedException(response) : response;
    }
}
