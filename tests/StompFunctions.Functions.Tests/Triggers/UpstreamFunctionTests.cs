using System.Net;
using StompFunctions.Functions.Tests.Infrastructure;

namespace StompFunctions.Functions.Tests.Triggers;

/// <summary>WebPubSubFunction, the hub's upstream: the emulator calls it over HTTP for every event.</summary>
[Collection(FunctionsStackCollection.Name)]
public sealed class UpstreamFunctionTests(FunctionsStackFixture stack) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task The_abuse_protection_OPTIONS_allows_the_configured_services_origin_only()
    {
        var origin = stack.Emulator.Endpoint.Host;

        using var allowed = await PreflightAsync(origin);
        using var foreign = await PreflightAsync("attacker.example");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(origin, Assert.Single(allowed.Headers.GetValues("WebHook-Allowed-Origin")));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task STOMP_S65_S16_connect_message_and_disconnected_events_run_through_the_trigger_into_Table_Storage()
    {
        const string destination = "/topic/functions.upstream";
        await using var client = await StompSocket.ConnectAsync(_http, stack.Server.Url("negotiate"));

        await client.SubscribeAsync(destination);
        var stored = await stack.Store.ReadDestinationAsync(destination, CancellationToken.None);
        await client.CloseAsync();
        var cleaned = await Eventually.HoldsAsync(async () => (await stack.Store.ReadDestinationAsync(destination, CancellationToken.None)).Members.Count == 0);

        Assert.Single(stored.Members);
        Assert.True(cleaned, "the disconnected event did not remove the member from Table Storage");
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, stack.Server.Url("webpubsub/validate"));
        request.Headers.Add("WebHook-Request-Origin", origin);
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
