using System.Net;
using Azure;
using Azure.Core;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Client.Rest;

namespace StompFunctions.Tables.Tests.Client.Rest;

/// <summary>
/// The direct path signs, retries and fails as the pipeline did, and is taken only where nothing of the pipeline
/// could be missed; the request shapes both paths share are in <see cref="TableRestClientStubTests"/>.
/// </summary>
public sealed class DirectTableTransportTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyConnection = $"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={Key};TableEndpoint=https://acct.table.core.windows.net/";
    private static readonly byte[] Entity = """{"PartitionKey":"c1","RowKey":"event"}"""u8.ToArray();

    [Fact]
    public void Only_options_that_configure_nothing_on_the_SDK_and_keep_its_diagnostics_off_go_direct()
    {
        Assert.True(DirectTableTransport.Applies(new TableStorageOptions { ConnectionString = KeyConnection }));
        Assert.False(DirectTableTransport.Applies(new TableStorageOptions { ConnectionString = KeyConnection, SdkDiagnostics = true }));
        Assert.False(DirectTableTransport.Applies(new TableStorageOptions { ConnectionString = KeyConnection, ConfigureClientOptions = _ => { } }));
    }

    [Fact]
    public async Task Each_attempt_is_signed_with_SharedKeyLite_for_its_own_date_and_path_and_keeps_one_request_id()
    {
        var attempts = 0;
        var stub = new StubHandler { Answer = _ => ++attempts == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : WithETag(HttpStatusCode.NoContent, "W/\"new\"") };
        var client = Create(stub, new TableStorageOptions { ConnectionString = KeyConnection }, maxRetries: 2);

        var etag = await client.ReplaceAsync("sessions", "c1", "event", Entity, "W/\"old\"", CancellationToken.None);

        Assert.Equal("W/\"new\"", etag);
        var requests = stub.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        var signer = new SharedKeyLiteSigner("acct", Convert.FromBase64String(Key), TimeProvider.System);
        Assert.All(requests, r => Assert.Equal(signer.Authorization(r.Header("x-ms-date")!, r.Uri.AbsolutePath), r.Header("Authorization")));
        Assert.All(requests, r => Assert.Equal("W/\"old\"", r.Header("If-Match")));
        Assert.Single(requests.Select(r => r.Header("x-ms-client-request-id")).Distinct());
        Assert.NotNull(requests[0].Header("x-ms-client-request-id"));
    }

    [Fact]
    public async Task A_changed_entity_is_not_retried_and_fails_with_status_and_code_only()
    {
        var stub = new StubHandler
        {
            Answer = _ => StubHandler.Json(HttpStatusCode.PreconditionFailed, """{"odata.error":{"code":"UpdateConditionNotSatisfied","message":{"lang":"en-US","value":"secret c1"}}}"""),
        };
        var client = Create(stub, new TableStorageOptions { ConnectionString = KeyConnection }, maxRetries: 3);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => client.ReplaceAsync("sessions", "c1", "event", Entity, "W/\"old\"", CancellationToken.None));

        Assert.Equal(412, e.Status);
        Assert.Equal("UpdateConditionNotSatisfied", e.ErrorCode);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task An_insert_asks_for_no_content_and_returns_the_ETag()
    {
        var stub = new StubHandler { Answer = _ => WithETag(HttpStatusCode.NoContent, "W/\"first\"") };
        var client = Create(stub, new TableStorageOptions { ConnectionString = KeyConnection }, maxRetries: 0);

        Assert.Equal("W/\"first\"", await client.InsertAsync("sessions", Entity, CancellationToken.None));

        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/sessions", request.Uri.AbsolutePath);
        Assert.Equal("return-no-content", request.Header("Prefer"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("application/json;odata=nometadata", request.Header("Accept"));
        Assert.Equal("""{"PartitionKey":"c1","RowKey":"event"}""", request.Body);
    }

    [Fact]
    public async Task A_connection_strings_SAS_rides_in_every_URL_and_nothing_signs_the_request()
    {
        var stub = new StubHandler { Answer = r => r.Method == "GET" ? StubHandler.Json(HttpStatusCode.OK, """{"value":[]}""") : new HttpResponseMessage(HttpStatusCode.NoContent) };
        var options = new TableStorageOptions { ConnectionString = "TableEndpoint=https://acct.table.core.windows.net/;SharedAccessSignature=sv=2019-02-02&sig=abc%3D" };
        var client = Create(stub, options, maxRetries: 0);

        await client.QueryAsync(client.Query("routes", ["PartitionKey"]), "PartitionKey eq 'a'", 0, (_, _) => { }, CancellationToken.None);
        await client.InsertAsync("sessions", Entity, CancellationToken.None);

        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Contains("sig=abc%3D", r.Uri.Query, StringComparison.Ordinal));
        Assert.All(stub.Requests, r => Assert.Null(r.Header("Authorization")));
        Assert.All(stub.Requests, r => Assert.Null(r.Header("x-ms-date")));
    }

    [Fact]
    public async Task A_managed_identitys_token_is_asked_for_once_for_many_requests()
    {
        var stub = new StubHandler { Answer = _ => StubHandler.Json(HttpStatusCode.OK, """{"value":[]}""") };
        var credential = new OneTokenCredential();
        var client = Create(stub, new TableStorageOptions { Endpoint = new Uri("https://acct.table.core.windows.net/"), Credential = credential }, maxRetries: 0);

        for (var i = 0; i < 3; i++)
        {
            await client.QueryAsync(client.Query("routes", ["PartitionKey"]), "PartitionKey eq 'a'", 0, (_, _) => { }, CancellationToken.None);
        }

        Assert.All(stub.Requests, r => Assert.Equal("Bearer the-token", r.Header("Authorization")));
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(1, credential.Issued);
    }

    [Fact]
    public void A_token_credential_on_a_plain_http_endpoint_is_refused_when_the_client_is_made()
    {
        var options = new TableStorageOptions { Endpoint = new Uri("http://127.0.0.1:10002/devstoreaccount1"), Credential = new OneTokenCredential() };

        var e = Assert.Throws<InvalidOperationException>(() => TableRestClient.Create(TableServiceClientFactory.Create(options), options, TimeProvider.System));

        Assert.Contains("only sent over https", e.Message, StringComparison.Ordinal);
    }

    private static TableRestClient Create(StubHandler stub, TableStorageOptions options, int maxRetries)
    {
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.Mode = RetryMode.Fixed;
        var client = TableRestClient.Create(TableServiceClientFactory.Create(options), options, TimeProvider.System, stub);
        Assert.IsType<DirectTableTransport>(client.Transport);
        return client;
    }

    private static HttpResponseMessage WithETag(HttpStatusCode status, string etag)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.TryAddWithoutValidation("ETag", etag);
        return response;
    }

    private sealed class OneTokenCredential : TokenCredential
    {
        private int _issued;

        public int Issued => _issued;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _issued);
            return ValueTask.FromResult(new AccessToken("the-token", DateTimeOffset.UtcNow.AddHours(1)));
        }
    }
}
