using Microsoft.AspNetCore.Cors.Infrastructure;
using StompFunctions.Emulator;
using StompFunctions.Hosting;
using StompFunctions.Tables;
using StompFunctions.WebPubSub;

namespace StompFunctions.DevHost;

/// <summary>How the emulator and the Web PubSub adapter are pointed at each other inside one process.</summary>
internal static class LocalStack
{
    public const string Hub = "stomp";

    /// <summary>Where the emulator sends upstream events: the Functions app's own upstream route.</summary>
    public const string UpstreamPath = StompAppRoutes.Prefix + "/" + StompAppRoutes.Upstream;

    /// <summary>The CORS policy of negotiate and publish: a page served by another origin (a Vite dev server) may call them.</summary>
    public const string CorsPolicy = "devhost-clients";

    public static Uri Endpoint(DevHostOptions options) => new($"http://localhost:{options.Port}");

    /// <summary>The emulator's public development key: it protects nothing, which is why it may be printed.</summary>
    /// <remarks>With <c>--emulator</c>, the connection string of that emulator instead.</remarks>
    public static string ConnectionString(DevHostOptions options) =>
        options.EmulatorConnectionString
        ?? WebPubSubEmulatorHost.BuildConnectionString(Endpoint(options), WebPubSubEmulatorOptions.DevelopmentAccessKey);

    /// <summary>The URL template the emulator is to send upstream events to: this DevHost's upstream route.</summary>
    public static string UpstreamTemplate(DevHostOptions options) =>
        $"{Endpoint(options).AbsoluteUri.TrimEnd('/')}{UpstreamPath}/{{event}}";

    public static void ConfigureEmulator(WebPubSubEmulatorOptions emulator, DevHostOptions options)
    {
        emulator.PublicEndpoint = Endpoint(options);
        var handler = new EmulatorEventHandlerOptions
        {
            UrlTemplate = UpstreamTemplate(options),
            UserEventPattern = "*",
        };
        handler.SystemEvents.Add("connect");
        handler.SystemEvents.Add("connected");
        handler.SystemEvents.Add("disconnected");
        var hub = new EmulatorHubOptions
        {
            // Deny unless asked, as a new Web PubSub hub does: clients get their URL from negotiate.
            AnonymousConnectPolicy = options.AllowAnonymous ? AnonymousConnectPolicy.Allow : AnonymousConnectPolicy.Deny,
        };
        hub.EventHandlers.Add(handler);
        emulator.Hubs[Hub] = hub;
    }

    /// <summary>
    /// The settings the app's composition reads, pointing it at the emulator (in this process unless <c>--emulator</c>) and at the store
    /// <c>--storage</c> chose; the in-memory store is named explicitly, as the composition requires.
    /// </summary>
    public static Dictionary<string, string?> Settings(DevHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, string?>
        {
            ["WebPubSub:ConnectionString"] = ConnectionString(options),
            ["WebPubSub:Hub"] = Hub,
            [TableStorageStompBuilderExtensions.StateStoreKey] = options.TableConnectionString is null ? "InMemory" : "Tables",

            // Local only: negotiate without ?userId= gives an anonymous connection, and the default destination
            // rules admit anonymous sessions. Deployed, both stay closed unless a setting opens them.
            ["ClientAuthentication:AllowAnonymous"] = "true",
        };
        if (options.TableConnectionString is { } tables)
        {
            settings["Tables:ConnectionString"] = tables;
        }

        return settings;
    }

    /// <summary>Locally any origin by default (<c>--cors</c> narrows it); only GET/POST, any request header (<c>stomp-*</c>).</summary>
    public static void ConfigureCors(CorsPolicyBuilder policy, DevHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        if (options.AllowedOrigins.Contains("*"))
        {
            policy.AllowAnyOrigin();
        }
        else
        {
            policy.WithOrigins([.. options.AllowedOrigins]);
        }

        policy.WithMethods(HttpMethods.Get, HttpMethods.Post).AllowAnyHeader();
    }

    public static void ConfigureGateway(WebPubSubGatewayOptions gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        // Local only: the page names its user in the negotiate query. A deployed app takes it from authentication.
        gateway.ClientUserId = static context =>
            ValueTask.FromResult(context.Request.Query["userId"].ToString() is { Length: > 0 and <= 64 } user ? user : null);
    }
}
