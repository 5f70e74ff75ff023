using System.Net;
using System.Text;
using Azure;
using Azure.Core;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Client.Rest;

namespace StompFunctions.Tables.Tests.Client.Rest;

/// <summary>
/// The lean client's requests as they leave the process, against an in-process stub: headers, continuation, error
/// codes, and the bearer path a managed identity takes (which cannot be tried against Azure here), alike through
/// Azure.Core's pipeline and on the direct path.
/// </summary>
public sealed class TableRestClientStubTests
{
    private static readonly Uri AzureEndpoint = new("https://acct.table.core.windows.net/");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_an_endpoint_and_a_token_credential_each_request_carries_a_storage_bearer_token(bool direct)
    {
        var stub = new StubHandler { Answer = _ => StubHandler.Json(HttpStatusCode.OK, """{"value":[]}""") };
        var credential = new FakeTokenCredential();
        var client = Create(stub, new TableStorageOptions { Endpoint = AzureEndpoint, Credential = credential }, direct);

        await client.QueryAsync(client.Query("routes", ["PartitionKey"]), "PartitionKey eq 'a'", 0, (_, _) => { }, CancellationToken.None);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.Equal([TableRestClient.StorageScope], credential.Scopes.Distinct());
        Assert.Equal("2020-12-06", request.Header("x-ms-version"));
        Assert.Null(request.Header("x-ms-date"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_query_sends_the_OData_headers_and_follows_continuation_headers_until_none_come(bool direct)
    {
        var pages = 0;
        var stub = new StubHandler
        {
            Answer = _ => (++pages) switch
            {
                1 => StubHandler.Json(HttpStatusCode.OK, """{"value":[{"n":1}]}""", ("x-ms-continuation-NextPartitionKey", "1!8!YQ--"), ("x-ms-continuation-NextRowKey", "1!8!cnw-")),
                2 => StubHandler.Json(HttpStatusCode.OK, """{"value":[]}""", ("x-ms-continuation-NextPartitionKey", "1!8!Yg--")),
                _ => StubHandler.Json(HttpStatusCode.OK, """{"value":[{"n":3}]}"""),
            },
        };
        var client = Create(stub, new TableStorageOptions { Endpoint = AzureEndpoint, Credential = new FakeTokenCredential() }, direct);
        var bodies = new List<string>();

        await client.QueryAsync(client.Query("routes", ["PartitionKey", "Group"]), "PartitionKey eq 'a b'", bodies, (page, seen) => seen.Add(Encoding.UTF8.GetString(page.Span)), CancellationToken.None);

        Assert.Equal(3, bodies.Count);
        var requests = stub.Requests.ToArray();
        Assert.All(requests, r => Assert.Equal("application/json;odata=minimalmetadata", r.Header("Accept")));
        Assert.All(requests, r => Assert.Equal("3.0", r.Header("DataServiceVersion")));
        Assert.Equal("/routes()", requests[0].Uri.AbsolutePath);
        Assert.Equal("?$top=1000&$select=PartitionKey%2CGroup&$filter=PartitionKey%20eq%20%27a%20b%27", requests[0].Uri.Query);
        Assert.EndsWith("&NextPartitionKey=1%218%21YQ--&NextRowKey=1%218%21cnw-", requests[1].Uri.Query, StringComparison.Ordinal);
        Assert.EndsWith("&NextPartitionKey=1%218%21Yg--", requests[2].Uri.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_repeated_query_asks_for_the_same_url_as_the_first(bool direct)
    {
        var stub = new StubHandler { Answer = _ => StubHandler.Json(HttpStatusCode.OK, """{"value":[]}""") };
        var client = Create(stub, new TableStorageOptions { Endpoint = AzureEndpoint, Credential = new FakeTokenCredential() }, direct);
        var query = client.Query("routes", ["PartitionKey"]);

        await client.QueryAsync(query, "PartitionKey eq 'a b'", 0, (_, _) => { }, CancellationToken.None);
        await client.QueryAsync(query, "PartitionKey eq 'a b'", 0, (_, _) => { }, CancellationToken.None);
        await client.QueryAsync(query, "PartitionKey eq 'c'", 0, (_, _) => { }, CancellationToken.None);

        var uris = stub.Requests.Select(r => r.Uri.AbsoluteUri).ToArray();
        Assert.Equal(uris[0], uris[1]);
        Assert.EndsWith("$filter=PartitionKey%20eq%20%27c%27", uris[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task A_failure_carries_the_services_error_code_from_the_header_or_else_the_body(bool header, bool direct)
    {
        var stub = new StubHandler
        {
            Answer = _ => StubHandler.Json(
                HttpStatusCode.NotFound,
                """{"odata.error":{"code":"TableNotFound","message":{"lang":"en-US","value":"The table specified does not exist."}}}""",
                header ? [("x-ms-error-code", "TableNotFound")] : []),
        };
        var client = Create(stub, new TableStorageOptions { Endpoint = AzureEndpoint, Credential = new FakeTokenCredential() }, direct);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => client.InsertAsync("sessions", """{"PartitionKey":"p","RowKey":"event"}"""u8.ToArray(), CancellationToken.None));

        Assert.Equal(404, e.Status);
        Assert.Equal("TableNotFound", e.ErrorCode);
        Assert.True(StoreFailures.IsTableNotFound(e));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_conditional_replace_sends_If_Match_and_the_keys_as_escaped_OData_literals(bool direct)
    {
        var stub = new StubHandler
        {
            Answer = _ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.NoContent);
                response.Headers.TryAddWithoutValidation("ETag", "W/\"datetime'2026-12-06T06%3A42%3A35.92Z'\"");
                return response;
            },
        };
        var client = Create(stub, new TableStorageOptions { Endpoint = AzureEndpoint, Credential = new FakeTokenCredential() }, direct);

        var etag = await client.ReplaceAsync("sessions", "O'Brien!20x", "event", """{"PartitionKey":"O'Brien!20x","RowKey":"event"}"""u8.ToArray(), "W/\"old\"", CancellationToken.None);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/sessions(PartitionKey='O%27%27Brien%2120x',RowKey='event')", request.Uri.AbsolutePath);
        Assert.Equal("W/\"old\"", request.Header("If-Match"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("W/\"datetime'2026-12-06T06%3A42%3A35.92Z'\"", etag);
    }

    /// <summary>The client on the pipeline with the stub as its transport, or on the direct path with the stub as its handler.</summary>
    private static TableRestClient Create(StubHandler stub, TableStorageOptions options, bool direct)
    {
        options.Retry.MaxRetries = 0;
        if (!direct)
        {
            options.ConfigureClientOptions = o => o.Transport = stub.Transport();
        }

        var client = TableRestClient.Create(TableServiceClientFactory.Create(options), options, TimeProvider.System, stub);
        Assert.Equal(direct, client.Transport is DirectTableTransport);
        return client;
    }

    private sealed class FakeTokenCredential : TokenCredential
    {
        private int _issued;

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken($"token-{Interlocked.Increment(ref _issued)}", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
