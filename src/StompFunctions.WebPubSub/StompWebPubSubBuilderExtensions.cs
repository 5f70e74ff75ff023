using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.WebPubSub.ClientAccess;
using StompFunctions.WebPubSub.ClientAuthentication;
using StompFunctions.WebPubSub.Gateway;
using StompFunctions.WebPubSub.Publishing;

namespace StompFunctions.WebPubSub;

/// <summary><c>services.AddStomp(…).AddWebPubSubGateway(…)</c>: puts the engine behind Azure Web PubSub.</summary>
public static class StompWebPubSubBuilderExtensions
{
    /// <summary>
    /// Registers the REST gateway (replacing the in-memory one), the upstream and publish handlers, and the negotiate
    /// handler with its authentication (the <c>ClientAuthentication</c> section; closed when nothing is configured).
    /// Options come from the <c>WebPubSub</c> configuration section, then <paramref name="configure"/>; they are
    /// validated at start-up.
    /// </summary>
    public static IStompBuilder AddWebPubSubGateway(this IStompBuilder builder, Action<WebPubSubGatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WebPubSubGatewayOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<WebPubSubGatewayOptions>, WebPubSubGatewayOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebPubSubGatewayOptions>, WebPubSubGatewayOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<WebPubSubGatewayOptions>>().Value;
            return WebPubSubSettings.From(options).CreateClient(options);
        });

        // AddStomp registered the in-memory gateway as a default; asking for Web PubSub replaces it.
        services.Replace(ServiceDescriptor.Singleton<IConnectionGateway>(static sp => new WebPubSubConnectionGateway(sp.GetRequiredService<WebPubSubRestClient>())));
        services.TryAddSingleton<StompUpstreamHandler>();
        services.TryAddSingleton<StompNegotiateHandler>();
        ClientAuthenticationRegistration.AddClientAuthentication(services);
        services.TryAddSingleton<StompPublishHandler>();
        services.TryAddSingleton<WebPubSubMarkerService>();
        return builder;
    }
}
