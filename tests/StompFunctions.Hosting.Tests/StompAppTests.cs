using System.Net;
using Azure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StompFunctions.WebPubSub;

namespace StompFunctions.Hosting.Tests;

/// <summary>AddStompApp and MapStompApp, the composition the Functions app and the DevHost share.</summary>
public sealed class StompAppTests
{
    // The emulator's public development key; nothing is called at this endpoint (negotiate signs tokens locally).
    private const string EmulatorConnectionString = "Endpoint=http://127.0.0.1:7;Port=7;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;";

    [Fact]
    public async Task MapStompApp_serves_upstream_negotiate_publish_and_the_Event_Grid_webhook_at_the_Functions_routes()
    {
        await using var app = await StartAsync(new()
        {
            ["WebPubSub:ConnectionString"] = EmulatorConnectionString,
            ["Stomp:StateStore"] = "InMemory",
            ["ClientAuthentication:AllowAnonymous"] = "true",
        });
        using var http = new HttpClient { BaseAddress = Address(app) };

        using var upstream = await PreflightAsync(http, "/api/webpubsub/validate", "127.0.0.1");
        using var negotiate = await http.GetAsync(new Uri("/api/negotiate", UriKind.Relative));
        using var publish = await http.PostAsync(new Uri("/api/publish/topic/news", UriKind.Relative), new StringContent("hello"));
        using var eventGrid = await PreflightAsync(http, "/api/eventgrid", "eventgrid.azure.net");

        Assert.Equal(HttpStatusCode.OK, upstream.StatusCode);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, publish.StatusCode);
        Assert.Equal(HttpStatusCode.OK, eventGrid.StatusCode);
        Assert.Equal("eventgrid.azure.net", Assert.Single(eventGrid.Headers.GetValues("WebHook-Allowed-Origin")));
    }

    [Fact]
    public void Without_a_connection_string_the_REST_calls_use_the_apps_identity()
    {
        using var services = Compose(new()
        {
            ["WebPubSub:Endpoint"] = "https://example.webpubsub.azure.com",
            ["WebPubSub:AccessKey"] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH",
            ["Stomp:StateStore"] = "InMemory",
        });

        Assert.IsType<DefaultAzureCredential>(services.GetRequiredService<IOptions<WebPubSubGatewayOptions>>().Value.Credential);
    }

    [Fact]
    public void A_connection_string_set_by_the_host_in_code_keeps_the_access_key_for_the_REST_calls()
    {
        using var services = Compose(new() { ["Stomp:StateStore"] = "InMemory" }, s => s.Configure<WebPubSubGatewayOptions>(o => o.ConnectionString = EmulatorConnectionString));

        Assert.Null(services.GetRequiredService<IOptions<WebPubSubGatewayOptions>>().Value.Credential);
    }

    private static ServiceProvider Compose(Dictionary<string, string?> settings, Action<IServiceCollection>? host = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddStompApp(configuration);
        host?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddStompApp(builder.Configuration);
        var app = builder.Build();
        app.MapStompApp();
        await app.StartAsync();
        return app;
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient http, string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("WebHook-Request-Origin", origin);
        return await http.SendAsync(request);
    }
}
