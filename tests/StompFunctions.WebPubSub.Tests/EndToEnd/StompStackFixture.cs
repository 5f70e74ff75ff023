using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Emulator;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.EndToEnd;

/// <summary>
/// The whole local chain on loopback ports: the Web PubSub emulator, and an ASP.NET Core app with the engine,
/// <c>MapStompUpstream</c> and <c>MapStompNegotiate</c>, whose REST gateway points at the emulator. The emulator's
/// hub sends every event to the app over real HTTP.
/// </summary>
public sealed class StompStackFixture : IAsyncLifetime
{
    public const string Hub = "stomp";

    private WebApplication? _app;

    internal WebPubSubEmulatorHost Emulator { get; private set; } = null!;

    internal SabotageStateStore Store { get; } = new();

    public Uri AppAddress { get; private set; } = null!;

    public Uri UpstreamUrl => new(AppAddress, "/api/stomp");

    public Uri NegotiateUrl => new(AppAddress, "/api/negotiate");

    /// <summary>The hub URL without a token, for anonymous clients.</summary>
    public string AnonymousHubUrl => $"ws://{Emulator.Endpoint.Authority}/client/hubs/{Hub}";

    public string AccessKey => Emulator.Options.AccessKey;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        Emulator = await WebPubSubEmulatorHost.StartAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IStompStateStore>(Store);
        builder.Services.AddStomp()
            .OnConnect(static connect =>
            {
                // Anonymous connections authenticate with STOMP login/passcode (the passcode is never logged).
                if (connect.UpstreamUserId is null && connect.Login is not null)
                {
                    if (connect.Passcode == "secret")
                    {
                        connect.User = connect.Login;
                    }
                    else
                    {
                        connect.Reject("bad credentials");
                    }
                }

                return ValueTask.CompletedTask;
            })
            .MapSend("/app/whoami", static async context => await context.PublishAsync("/topic/whoami", context.BodyText, [new("sender", context.User ?? "anonymous")]))
            .AddWebPubSubGateway(options =>
        {
            options.ConnectionString = Emulator.ConnectionString;
            options.Hub = Hub;
            options.CloseAfterReplyDelay = TimeSpan.FromMilliseconds(50);
            options.ClientUserId = static context => ValueTask.FromResult(context.Request.Query["user"].ToString() is { Length: > 0 } user ? user : null);
            options.OnConnect = static connect =>
            {
                if (connect.Query.ContainsKey("deny"))
                {
                    connect.Reject(403, "denied by the connect hook");
                }

                return ValueTask.CompletedTask;
            };
        });
        _app = builder.Build();
        _app.MapStompUpstream("/api/stomp");
        _app.MapStompNegotiate("/api/negotiate");
        await _app.StartAsync();
        AppAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var hub = new EmulatorHubOptions { AnonymousConnectPolicy = AnonymousConnectPolicy.Allow };
        var handler = new EmulatorEventHandlerOptions { UrlTemplate = UpstreamUrl.AbsoluteUri + "/{event}", UserEventPattern = "*" };
        foreach (var systemEvent in new[] { "connect", "connected", "disconnected" })
        {
            handler.SystemEvents.Add(systemEvent);
        }

        hub.EventHandlers.Add(handler);
        Emulator.Options.Hubs[Hub] = hub;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
