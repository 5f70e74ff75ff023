
namespace StompFunctions.Emulator.Standalone;

/// <summary>
/// Turns the standalone program's configuration into emulator options: the <c>WebPubSub</c> section of
/// appsettings.json, a <c>--config</c> file or environment variables (<c>WebPubSub__Hubs__chat__…</c>), then
/// the command-line shortcuts for one hub (<c>--hub</c>, <c>--upstream</c>, <c>--user-events</c>,
/// <c>--system-events</c>, <c>--anonymous</c>) and <c>--access-key</c>.
/// </summary>
internal static class StandaloneSettings
{
    public const int DefaultPort = 8080;

    public static int Port(IConfiguration configuration) =>
        int.TryParse(configuration["port"], out var port) && port is > 0 and < 65536 ? port : DefaultPort;

    public static string Host(IConfiguration configuration) => configuration["host"] is { Length: > 0 } host ? host : "localhost";

    public static void Apply(IConfiguration configuration, WebPubSubEmulatorOptions options)
    {
        configuration.GetSection("WebPubSub").Bind(options);
        if (configuration["access-key"] is { Length: > 0 } key)
        {
            options.AccessKey = key;
        }

        var hubName = configuration["hub"];
        var upstream = configuration["upstream"];
        var anonymous = configuration["anonymous"];
        if (hubName is null && upstream is null && anonymous is null)
        {
            // With no hub configured at all, accept any hub as Microsoft's emulator does with its _default entry.
            if (options.Hubs.Count == 0)
            {
                options.Hubs[Hubs.HubRegistry.DefaultHubKey] = new EmulatorHubOptions();
            }

            return;
        }

        var name = string.IsNullOrEmpty(hubName) ? Hubs.HubRegistry.DefaultHubKey : hubName;
        if (!options.Hubs.TryGetValue(name, out var hub))
        {
            hub = new EmulatorHubOptions();
            options.Hubs[name] = hub;
        }

        if (string.Equals(anonymous, "allow", StringComparison.OrdinalIgnoreCase))
        {
            hub.AnonymousConnectPolicy = AnonymousConnectPolicy.Allow;
        }

        if (!string.IsNullOrEmpty(upstream))
        {
            var handler = new EmulatorEventHandlerOptions
            {
                UrlTemplate = upstream,
                UserEventPattern = configuration["user-events"] ?? "*",
            };
            var systemEvents = configuration["system-events"] ?? "connect,connected,disconnected";
            foreach (var systemEvent in systemEvents.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                handler.SystemEvents.Add(systemEvent);
            }

            hub.EventHandlers.Add(handler);
        }
    }
}
