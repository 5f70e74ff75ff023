using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.Rest;

public sealed class RestClientWireTests : IAsyncLifetime
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Requests_match_those_of_the_official_javascript_sdk()
    {
        var connectionString = $"Endpoint={_server.BaseAddress.AbsoluteUri.TrimEnd('/')};AccessKey={Key};Version=1.0;";
        var sdk = await NodeRunner.RunAsync("sdk-rest-calls.mjs", [connectionString, "stomp"]);
        Assert.True(sdk.ExitCode == 0, sdk.ToString());
        var theirs = DrainTargets();

        var client = Client(maxRetries: 0);
        var text = Encoding.UTF8.GetBytes("hello");
        await client.SendToConnectionAsync("conn/1", text, WebPubSubContentTypes.Text);
        await client.SendToGroupAsync("g 1", text, WebPubSubContentTypes.Text);
        await client.AddConnectionToGroupAsync("g 1", "conn/1");
        await client.RemoveConnectionFromGroupAsync("g 1", "conn/1");
        await client.RemoveConnectionFromAllGroupsAsync("conn/1");
        await client.CloseConnectionAsync("conn/1", "bye now");
        await client.CloseGroupConnectionsAsync("g 1", "store reset");
        await client.ConnectionExistsAsync("conn/1");
        await client.GroupExistsAsync("g 1");
        var ours = DrainTargets();

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public async Task Every_attempt_is_signed_for_its_full_request_url_including_the_query()
    {
        _server.Responder = (request, attempt) => attempt == 0 ? (503, null, null) : (202, null, null);
        var client = Client(maxRetries: 2);

        await client.SendToGroupAsync("room", Encoding.UTF8.GetBytes("x"), WebPubSubContentTypes.Binary);

        Assert.Equal(2, _server.Requests.Count);
        foreach (var request in _server.Requests)
        {
            var token = request.Header("Authorization")["Bearer ".Length..];
            Assert.True(Jwt.HasValidSignature(token, Encoding.UTF8.GetBytes(Key)));
            Assert.Equal(new Uri(_server.BaseAddress, request.Target).AbsoluteUri, Jwt.Payload(token).GetProperty("aud").GetString());
            Assert.Equal("application/octet-stream", request.Header("Content-Type"));
            Assert.Contains("api-version=2024-01-01", request.Query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_repeated_send_goes_to_the_url_and_audience_of_the_first_one()
    {
        var client = Client(maxRetries: 0);
        var text = Encoding.UTF8.GetBytes("x");

        for (var i = 0; i < 2; i++)
        {
            await client.SendToGroupAsync("g 1/ä", text, WebPubSubContentTypes.Text);
            await client.SendToConnectionAsync("conn/1", text, WebPubSubContentTypes.Text);
            await client.SendToGroupAsync("g 1/ä", text, WebPubSubContentTypes.Text, excluded: ["conn/2"]);
        }

        var targets = _server.Requests.Select(r => r.Target).ToList();
        Assert.Equal(targets[..3], targets[3..]);
        Assert.Equal(3, targets.Distinct().Count());
        foreach (var request in _server.Requests)
        {
            var token = request.Header("Authorization")["Bearer ".Length..];
            Assert.Equal(new Uri(_server.BaseAddress, request.Target).AbsoluteUri, Jwt.Payload(token).GetProperty("aud").GetString());
        }
    }

    [Fact]
    public async Task Calls_one_after_another_reuse_one_connection_and_carry_no_sdk_telemetry()
    {
        var client = Client(maxRetries: 0);

        for (var i = 0; i < 5; i++)
        {
            await client.SendToGroupAsync("room" + i, Encoding.UTF8.GetBytes("x"), WebPubSubContentTypes.Text);
        }

        Assert.Single(_server.Requests.Select(r => r.ConnectionId).Distinct());
        Assert.All(_server.Requests, r => Assert.DoesNotContain("azsdk", r.Header("User-Agent"), StringComparison.Ordinal));
        var diagnostics = new WebPubSubRestClientOptions().Diagnostics;
        Assert.False(diagnostics.IsLoggingEnabled || diagnostics.IsDistributedTracingEnabled);
    }

    [Fact]
    public async Task A_throttled_request_is_retried_no_sooner_than_its_Retry_After()
    {
        _server.Responder = (request, attempt) => attempt == 0
            ? (429, new Dictionary<string, string> { ["Retry-After"] = "1" }, null)
            : (202, null, null);
        var client = Client(maxRetries: 2);

        await client.SendToConnectionAsync("c1", Encoding.UTF8.GetBytes("x"), WebPubSubContentTypes.Text);

        var attempts = _server.Requests.ToArray();
        Assert.Equal(2, attempts.Length);
        // A lower bound only: the policy must wait at least what the service asked for.
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_surfaces_as_RequestFailedException_with_status_and_code()
    {
        _server.Responder = (_, _) => (400, new Dictionary<string, string> { ["x-ms-error-code"] = "InvalidRequest", ["Content-Type"] = "application/json" }, "{\"code\":\"InvalidRequest\",\"message\":\"bad\"}");
        var client = Client(maxRetries: 3);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => client.AddConnectionToGroupAsync("g", "c1"));

        Assert.Equal(400, failure.Status);
        Assert.Equal("InvalidRequest", failure.ErrorCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Exists_checks_map_200_to_true_and_404_to_false()
    {
        var client = Client(maxRetries: 0);

        Assert.True((await client.ConnectionExistsAsync("present")).Value);
        Assert.False((await client.ConnectionExistsAsync("missing")).Value);
        Assert.False((await client.GroupExistsAsync("missing")).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Group_names_the_service_would_refuse_are_rejected_before_any_request(string group)
    {
        var client = Client(maxRetries: 0);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToGroupAsync(group, Array.Empty<byte>(), WebPubSubContentTypes.Text));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToGroupAsync(new string('g', 1025), Array.Empty<byte>(), WebPubSubContentTypes.Text));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Content_types_outside_the_rest_specs_set_are_rejected()
    {
        var client = Client(maxRetries: 0);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToAllAsync(Array.Empty<byte>(), "text/plain; charset=utf-8"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1hub")]
    [InlineData("hub/x")]
    public void Hub_names_outside_the_rest_spec_pattern_are_rejected(string hub)
    {
        Assert.Throws<ArgumentException>(() => new WebPubSubRestClient($"Endpoint=http://127.0.0.1;AccessKey={Key};", hub));
    }

    [Fact]
    public async Task With_a_token_credential_requests_carry_an_entra_bearer_token_and_client_tokens_come_from_generateToken()
    {
        await using var https = await RecordingServer.StartAsync(TestCertificates.LoopbackCertificate);
        var options = new WebPubSubRestClientOptions
        {
            Transport = new HttpClientTransport(new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true }),
        };
        var credential = new RecordingCredential();
        var client = new WebPubSubRestClient(https.BaseAddress, "stomp", credential, options);

        var uri = await client.GetClientAccessUriAsync("bob", ["r"], ["g"], TimeSpan.FromSeconds(90));

        var request = Assert.Single(https.Requests);
        Assert.Equal("Bearer entra-token", request.Header("Authorization"));
        Assert.Equal(["https://webpubsub.azure.com/.default"], credential.Scopes);
        Assert.Equal("/api/hubs/stomp/:generateToken", request.Path);
        Assert.Contains("userId=bob", request.Query, StringComparison.Ordinal);
        Assert.Contains("role=r", request.Query, StringComparison.Ordinal);
        Assert.Contains("group=g", request.Query, StringComparison.Ordinal);
        Assert.Contains("minutesToExpire=2", request.Query, StringComparison.Ordinal);
        Assert.EndsWith("/client/hubs/stomp?access_token=service-minted", uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("wss://", uri.AbsoluteUri, StringComparison.Ordinal);
    }

    private WebPubSubRestClient Client(int maxRetries)
    {
        var options = new WebPubSubRestClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return new WebPubSubRestClient(_server.BaseAddress, "stomp", new AzureKeyCredential(Key), options);
    }

    private string[] DrainTargets()
    {
        var targets = new List<string>();
        while (_server.Requests.TryDequeue(out var request))
        {
            var query = string.Join('&', request.Query.TrimStart('?').Split('&').Where(p => !p.StartsWith("api-version=", StringComparison.Ordinal)));
            targets.Add($"{request.Method} {request.Path}?{query} {request.Header("Content-Type")}");
        }

        return [.. targets];
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
