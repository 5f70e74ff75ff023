using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Emulator;
using StompFunctions.Tables;
using StompFunctions.WebPubSub;

namespace StompFunctions.Benchmarks.Upstream;

/// <summary>
/// The production path of one upstream <c>message</c> event over real HTTP, in this process: an HTTP client
/// (playing Web PubSub's upstream call) POSTs a signed CloudEvents request to the app's upstream endpoint; the
/// adapter runs the engine on the chosen store (in memory, or Table Storage); the engine's group send goes
/// through the REST client to the Web PubSub emulator, a second Kestrel server on its own port.
/// </summary>
internal sealed class UpstreamHttpStack : IAsyncDisposable
{
    public const string Hub = "bench";
    private const string ConnectionId = "bench-connection";
    private const string Destination = "/topic/bench";

    private readonly WebPubSubEmulatorHost _emulator;
    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly Uri _upstream;
    private readonly string _signature;
    private readonly byte[] _send;
    private string? _state;

    private UpstreamHttpStack(WebPubSubEmulatorHost emulator, WebApplication app, Uri upstream)
    {
        _emulator = emulator;
        _app = app;
        _upstream = upstream;
        _client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        var key = Encoding.UTF8.GetBytes(emulator.Options.AccessKey);
        _signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(ConnectionId)));
        _send = Encoding.UTF8.GetBytes($"SEND\ndestination:{Destination}\ncontent-type:text/plain\nreceipt:r\n\n{new string('x', 200)}\0");
    }

    /// <summary>Starts the emulator and the app; <paramref name="tables"/> is a Table connection string, or null for the in-memory store.</summary>
    public static async Task<UpstreamHttpStack> StartAsync(string? tables, string tableSuffix)
    {
        var emulator = await WebPubSubEmulatorHost.StartAsync(o => o.Hubs[Hub] = new EmulatorHubOptions(), configureBuilder: HostingRuntime.ConfigureKestrel);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None); // as the DevHost: no Activity per request
        HostingRuntime.ConfigureKestrel(builder);
        var stomp = builder.Services.AddStomp().AddWebPubSubGateway(o =>
        {
            o.ConnectionString = emulator.ConnectionString;
            o.Hub = Hub;
        });
        if (tables is not null)
        {
            stomp.AddTableStorage(o =>
            {
                o.ConnectionString = tables;
                o.RoutesTable = "benchroutes" + tableSuffix;
                o.SessionsTable = "benchsessions" + tableSuffix;
            });
        }

        var app = builder.Build();
        app.MapStompUpstream("/api/stomp");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var stack = new UpstreamHttpStack(emulator, app, new Uri(new Uri(address), "/api/stomp/message"));
        await stack.PrepareAsync();
        return stack;
    }

    /// <summary>The app's services (its store and gateway, for the scenarios that call them alone).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The store the app uses.</summary>
    public IStompStateStore Store => _app.Services.GetRequiredService<IStompStateStore>();

    public static string RouteDestination => Destination;

    /// <summary>One SEND with a receipt to a destination with one route; throws unless the reply is the RECEIPT. Keeps the answer's connection state.</summary>
    public async Task SendAsync()
    {
        using var response = await PostAsync(_send);
        var reply = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK || !reply.AsSpan().StartsWith("RECEIPT"u8))
        {
            throw new InvalidOperationException($"SEND answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(reply)}");
        }

        // As Web PubSub does, the answer's state is the one the next event carries: with the event claim (issue 20)
        // an old state would make every later SEND a lost claim (a conflict and a second read).
        if (response.Headers.TryGetValues("ce-connectionState", out var states))
        {
            _state = states.First();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    /// <summary>CONNECT through the endpoint (for the session state) and one route seeded straight into the store.</summary>
    private async Task PrepareAsync()
    {
        using var connected = await PostAsync(Encoding.UTF8.GetBytes("CONNECT\naccept-version:1.2\nhost:bench\n\n\0"));
        _state = connected.Headers.TryGetValues("ce-connectionState", out var states) ? states.First() : null;
        if (connected.StatusCode != HttpStatusCode.OK || _state is null)
        {
            throw new InvalidOperationException($"CONNECT answered {(int)connected.StatusCode} without a state.");
        }

        var group = StompGroupNames.For(Destination, "sub-0", StompAckMode.Auto);
        await Store.AddSubscriptionAsync(
            new StompRoute(Destination, "sub-0", StompAckMode.Auto, group),
            new StompMember(Destination, group, ConnectionId),
            CancellationToken.None);
    }

    private Task<HttpResponseMessage> PostAsync(byte[] frame)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _upstream) { Content = new ByteArrayContent(frame) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var headers = request.Headers;
        headers.TryAddWithoutValidation("ce-specversion", "1.0");
        headers.TryAddWithoutValidation("ce-type", "azure.webpubsub.user.message");
        headers.TryAddWithoutValidation("ce-hub", Hub);
        headers.TryAddWithoutValidation("ce-connectionId", ConnectionId);
        headers.TryAddWithoutValidation("ce-eventName", "message");
        headers.TryAddWithoutValidation("ce-subprotocol", "v12.stomp");
        headers.TryAddWithoutValidation("ce-signature", _signature);
        if (_state is not null)
        {
            headers.TryAddWithoutValidation("ce-connectionState", _state);
        }

        return _client.SendAsync(request);
    }
}
