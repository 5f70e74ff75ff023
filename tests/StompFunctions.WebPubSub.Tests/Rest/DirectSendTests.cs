using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using StompFunctions.WebPubSub.Sending;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.Rest;

/// <summary>
/// The sends each message makes skip Azure.Core's pipeline (<see cref="DirectSender"/>) yet fail and retry as it would;
/// signing, Retry-After and the URLs are covered with the other calls in <see cref="RestClientWireTests"/>.
/// </summary>
public sealed class DirectSendTests : IAsyncLifetime
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("x");
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Only_key_signed_clients_on_the_default_transport_without_diagnostics_send_directly()
    {
        var key = new AzureKeyCredential(Key);

        Assert.True(DirectSender.Applies(key, new WebPubSubRestClientOptions()));
        Assert.False(DirectSender.Applies(null, new WebPubSubRestClientOptions()));
        Assert.False(DirectSender.Applies(key, new WebPubSubRestClientOptions { SendsThroughPipeline = true }));
        Assert.False(DirectSender.Applies(key, new WebPubSubRestClientOptions { Transport = new HttpClientTransport() }));
        var traced = new WebPubSubRestClientOptions();
        traced.Diagnostics.IsDistributedTracingEnabled = true;
        Assert.False(DirectSender.Applies(key, traced));
    }

    [Fact]
    public async Task A_refused_send_is_not_retried_and_fails_with_the_services_status_and_code()
    {
        _server.Responder = (_, _) => (403, new Dictionary<string, string> { ["x-ms-error-code"] = "Forbidden" }, "no");

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => Client(maxRetries: 3).SendToGroupAsync("g", Text, WebPubSubContentTypes.Text));

        Assert.Equal(403, failure.Status);
        Assert.Equal("Forbidden", failure.ErrorCode);
        Assert.Contains("Status: 403", failure.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Without_the_header_the_error_code_comes_from_the_json_body()
    {
        _server.Responder = (_, _) => (400, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, "{\"code\":\"InvalidRequest\",\"message\":\"bad\"}");

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => Client(maxRetries: 0).SendToConnectionAsync("c", Text, WebPubSubContentTypes.Text));

        Assert.Equal("InvalidRequest", failure.ErrorCode);
    }

    [Fact]
    public async Task An_unavailable_service_is_tried_once_more_per_retry_then_the_failure_surfaces()
    {
        _server.Responder = (_, _) => (503, null, null);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => Client(maxRetries: 2).SendToGroupAsync("g", Text, WebPubSubContentTypes.Text));

        Assert.Equal(503, failure.Status);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Single(_server.Requests.Select(r => r.Header("x-ms-client-request-id")).Distinct());
    }

    [Fact]
    public async Task A_network_failure_is_retried_then_surfaces_as_RequestFailedException()
    {
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}");
        var options = new WebPubSubRestClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var client = new WebPubSubRestClient(closed, "stomp", new AzureKeyCredential(Key), options);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => client.SendToGroupAsync("g", Text, WebPubSubContentTypes.Text));

        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Fact]
    public async Task An_accepted_send_answers_202_with_the_services_headers()
    {
        _server.Responder = (_, _) => (202, new Dictionary<string, string> { ["x-ms-request-id"] = "r-1" }, null);

        using var response = await Client(maxRetries: 0).SendToGroupAsync("g", Text, WebPubSubContentTypes.Text);

        Assert.Equal(202, response.Status);
        Assert.False(response.IsError);
        Assert.True(response.Headers.TryGetValue("x-ms-request-id", out var id));
        Assert.Equal("r-1", id);
        Assert.Equal(_server.Requests.Single().Header("x-ms-client-request-id"), response.ClientRequestId);
    }

    private WebPubSubRestClient Client(int maxRetries)
    {
        var options = new WebPubSubRestClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return new WebPubSubRestClient(_server.BaseAddress, "stomp", new AzureKeyCredential(Key), options);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
