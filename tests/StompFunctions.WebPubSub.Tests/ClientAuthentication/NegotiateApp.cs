using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StompFunctions.Broker;
using StompFunctions.Broker.Authorization;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.ClientAuthentication;

/// <summary>
/// An app on loopback with the adapter's negotiate and upstream endpoints, configured from settings only (as the
/// Functions app is), with destination rules. Its Web PubSub is the emulator when given, else a key that mints tokens locally.
/// </summary>
internal sealed class NegotiateApp : IAsyncDisposable
{
    private const string LocalConnectionString = "Endpoint=http://127.0.0.1;Port=9;AccessKey=negotiate-tests-key-0123456789abcdef;Version=1.0;";

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private NegotiateApp(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NegotiateApp> StartAsync(Dictionary<string, string?> settings, string? connectionString = null, DestinationRulesOptions? rules = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddStomp()
            .AddDestinationRules(rules ?? new DestinationRulesOptions())
            .AddWebPubSubGateway(options =>
            {
                options.ConnectionString = connectionString ?? LocalConnectionString;
                options.CloseAfterReplyDelay = TimeSpan.FromMilliseconds(20);
            });
        var app = builder.Build();
        app.MapStompUpstream("/api/stomp");
        app.MapStompNegotiate("/api/negotiate");
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new NegotiateApp(app, address);
    }

    public async Task<HttpResponseMessage> NegotiateAsync(string? token, string query = "", string? principal = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Address, "/api/negotiate" + query));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (principal is not null)
        {
            request.Headers.TryAddWithoutValidation("X-MS-CLIENT-PRINCIPAL", principal);
        }

        return await _http.SendAsync(request);
    }

    /// <summary>The client URL of a negotiate answer.</summary>
    public static async Task<Uri> UrlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Uri(json.RootElement.GetProperty("url").GetString()!);
    }

    /// <summary>The claims of the Web PubSub token in a negotiate answer.</summary>
    public static async Task<JsonElement> TokenClaimsAsync(HttpResponseMessage response)
    {
        var url = await UrlAsync(response);
        return Jwt.Payload(HttpUtility.ParseQueryString(url.Query)["access_token"]!);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
