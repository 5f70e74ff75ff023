using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StompFunctions.Benchmarks.Upstream;

/// <summary>
/// The floor of one HTTP hop in this process: an <see cref="HttpClient"/> POSTs 256 bytes to a Kestrel endpoint that
/// answers 204 and does nothing else. A published message crosses two such hops in the design (the upstream event
/// and the REST group send) before any of our code runs, so this is what the hops alone cost, for comparison with
/// the whole SEND and with a broker that reads and writes one socket per message.
/// </summary>
internal sealed class BareHttpHop : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Uri _target;
    private readonly byte[] _body = new byte[256];

    private BareHttpHop(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
    }

    public static async Task<BareHttpHop> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        HostingRuntime.ConfigureKestrel(builder);
        var app = builder.Build();
        app.MapPost("/hop", static () => Results.NoContent());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareHttpHop(app, new Uri(new Uri(address), "/hop"));
    }

    /// <summary>One POST and its 204.</summary>
    public async Task SendAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ReadOnlyMemoryContent(_body) };
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"The bare hop answered {(int)response.StatusCode}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
