using Microsoft.Extensions.DependencyInjection.Extensions;
using StompFunctions.Emulator.Auth;
using StompFunctions.Emulator.Client;
using StompFunctions.Emulator.Hubs;
using StompFunctions.Emulator.Rest;
using StompFunctions.Emulator.Upstream;

namespace StompFunctions.Emulator;

/// <summary>Registers the emulator's services in an ASP.NET Core application.</summary>
public static class WebPubSubEmulatorServiceCollectionExtensions
{
    /// <summary>Adds the emulator; map its endpoints with <c>app.MapWebPubSubEmulator()</c>.</summary>
    public static IServiceCollection AddWebPubSubEmulator(this IServiceCollection services, Action<WebPubSubEmulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WebPubSubEmulatorOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<EmulatorMarkerService>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmulatorEndpoint>();
        services.TryAddSingleton<HubRegistry>();
        services.TryAddSingleton<ClientTokenValidator>();
        services.TryAddSingleton<RestAuthenticator>();
        services.TryAddSingleton<AbuseProtection>();
        services.TryAddSingleton<UpstreamClient>();
        services.TryAddSingleton<ClientSessionRunner>();
        services.TryAddSingleton<ClientEndpoint>();
        services.TryAddSingleton<RestApi>();
        return services;
    }
}
