using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StompFunctions.Broker.Ports;
using StompFunctions.Emulator;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// The Functions app's own host over Azurite (Table Storage) and the Web PubSub emulator, its HTTP triggers on a
/// loopback port, and the emulator's hub calling the upstream trigger as the deployed hub does (connect and
/// disconnected system events, every user event). Negotiate is opened with the anonymous setting.
/// </summary>
public sealed class FunctionsStackFixture : IAsyncLifetime
{
    public const string Hub = "stomp";

    private readonly AzuriteFixture _azurite = new();

    internal WebPubSubEmulatorHost Emulator { get; private set; } = null!;

    internal IHost Functions { get; private set; } = null!;

    internal TriggerServer Server { get; private set; } = null!;

    internal IStompStateStore Store => Functions.Services.GetRequiredService<IStompStateStore>();

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Emulator = await WebPubSubEmulatorHost.StartAsync();
        Functions = FunctionsAppHost.Build(new Dictionary<string, string?>
        {
            [AppSettingNames.WebPubSubConnectionString] = Emulator.ConnectionString,
            [AppSettingNames.WebPubSubHub] = Hub,
            [AppSettingNames.TablesConnectionString] = _azurite.ConnectionString,
            [AppSettingNames.CollectorSchedule] = "0 */5 * * * *",
            ["ClientAuthentication:AllowAnonymous"] = "true",
        });
        Server = await TriggerServer.StartAsync(Functions.Services);

        var handler = new EmulatorEventHandlerOptions { UrlTemplate = Server.Url("webpubsub").AbsoluteUri + "/{event}", UserEventPattern = "*" };
        handler.SystemEvents.Add("connect");
        handler.SystemEvents.Add("disconnected");
        var hub = new EmulatorHubOptions();
        hub.EventHandlers.Add(handler);
        Emulator.Options.Hubs[Hub] = hub;
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Functions?.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FunctionsStackCollection : ICollectionFixture<FunctionsStackFixture>
{
    public const string Name = "Functions app over the emulator and Azurite";
}
