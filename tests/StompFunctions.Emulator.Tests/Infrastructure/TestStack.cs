using System.Net.Http.Headers;
using System.Net.WebSockets;

namespace StompFunctions.Emulator.Tests.Infrastructure;

/// <summary>An in-process emulator on a free loopback port with a recording upstream in the same application.</summary>
internal sealed class TestStack : IAsyncDisposable
{
    public const string Hub = "chat";

    private TestStack(WebPubSubEmulatorHost emulator, RecordingUpstream upstream)
    {
        Emulator = emulator;
        Upstream = upstream;
        Http = new HttpClient { BaseAddress = emulator.Endpoint, Timeout = TimeSpan.FromSeconds(10) };
    }

    public WebPubSubEmulatorHost Emulator { get; }

    public RecordingUpstream Upstream { get; }

    public HttpClient Http { get; }

    public EmulatorHubOptions HubOptions => Emulator.Options.Hubs[Hub];

    public static async Task<TestStack> StartAsync(string systemEvents = "connect,connected,disconnected", string? userEvents = "*", Action<WebPubSubEmulatorOptions>? configure = null)
    {
        var upstream = new RecordingUpstream();
        var emulator = await WebPubSubEmulatorHost.StartAsync(configure, upstream.Map);

        // The handler URL needs the port, known only once started; hub settings are read afresh for each event.
        var hub = new EmulatorHubOptions();
        var handler = new EmulatorEventHandlerOptions { UrlTemplate = emulator.Endpoint + "upstream/{event}", UserEventPattern = userEvents };
        foreach (var systemEvent in systemEvents.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            handler.SystemEvents.Add(systemEvent);
        }

        hub.EventHandlers.Add(handler);
        emulator.Options.Hubs[Hub] = hub;
        return new TestStack(emulator, upstream);
    }

    public Uri ClientUri(string? token, string hub = Hub, string query = "")
    {
        var uri = new UriBuilder(Emulator.Endpoint) { Scheme = "ws", Path = "client/hubs/" + hub };
        uri.Query = (token is null ? "" : "access_token=" + Uri.EscapeDataString(token)) + query;
        return uri.Uri;
    }

    public async Task<ClientWebSocket> ConnectAsync(string? userId = "alice", string[]? subprotocols = null, string query = "", string[]? groups = null)
    {
        var socket = new ClientWebSocket();
        foreach (var subprotocol in subprotocols ?? [])
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(ClientUri(TestTokens.Client(Emulator.Endpoint, Hub, userId, groups: groups), query: query), timeout.Token);
        return socket;
    }

    /// <summary>A REST request signed as the JS SDK signs it (audience = the full URL with its query).</summary>
    public HttpRequestMessage Request(HttpMethod method, string pathAndQuery, string? token = null)
    {
        var request = new HttpRequestMessage(method, new Uri(Emulator.Endpoint, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? TestTokens.Rest(request.RequestUri!.AbsoluteUri));
        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null, string? token = null)
    {
        using var request = Request(method, pathAndQuery, token);
        request.Content = content;
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
