using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace StompFunctions.Emulator;

/// <summary>
/// Runs the emulator in-process on a free loopback port, for tests and tools: start it, use
/// <see cref="Endpoint"/> and <see cref="ConnectionString"/>, dispose it. <c>configureApp</c> can map more
/// endpoints (an upstream event handler, say) into the same application and port.
/// </summary>
public sealed class WebPubSubEmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebPubSubEmulatorHost(WebApplication app, Uri endpoint, WebPubSubEmulatorOptions options)
    {
        _app = app;
        Endpoint = endpoint;
        Options = options;
        ConnectionString = BuildConnectionString(endpoint, options.AccessKey);
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary><c>Endpoint=…;Port=…;AccessKey=…;Version=1.0;</c>, accepted by Microsoft's SDKs and ours.</summary>
    public string ConnectionString { get; }

    /// <summary>The live options; hub settings may be changed while running (each event reads them afresh).</summary>
    public WebPubSubEmulatorOptions Options { get; }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts an emulator on <c>127.0.0.1</c> with a port chosen by the operating system.</summary>
    /// <param name="configure">The emulator's options (hubs, keys, upstream handlers).</param>
    /// <param name="configureApp">Maps more endpoints into the same application and port before it starts.</param>
    /// <param name="configureBuilder">Adjusts the host before it is built (Kestrel's socket options, say).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<WebPubSubEmulatorHost> StartAsync(
        Action<WebPubSubEmulatorOptions>? configure = null,
        Action<WebApplication>? configureApp = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None); // as the standalone program
        builder.Services.AddWebPubSubEmulator(configure);
        configureBuilder?.Invoke(builder);
        var app = builder.Build();
        app.MapWebPubSubEmulator();
        configureApp?.Invoke(app);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new Uri(address);
        var options = app.Services.GetRequiredService<IOptions<WebPubSubEmulatorOptions>>().Value;
        options.PublicEndpoint ??= endpoint;
        return new WebPubSubEmulatorHost(app, endpoint, options);
    }

    /// <summary>The connection string for an emulator at <paramref name="endpoint"/>.</summary>
    public static string BuildConnectionString(Uri endpoint, string accessKey)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var port = endpoint.Port.ToString(CultureInfo.InvariantCulture);
        return $"Endpoint={endpoint.Scheme}://{endpoint.Host}:{port};Port={port};AccessKey={accessKey};Version=1.0;";
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
