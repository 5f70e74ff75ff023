using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StompFunctions.EventGrid.Webhook;

namespace StompFunctions.EventGrid;

/// <summary>Registers the Event Grid ingress: the mapping, the publisher over the engine, and the webhook handler.</summary>
public static class EventGridServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EventGridIngress"/>, <see cref="EventGridMapping"/> and the webhook's
    /// <see cref="EventGridWebhookHandler"/> (mapped with <c>MapStompEventGrid</c>) with options bound from
    /// <paramref name="configuration"/> (the <c>EventGrid</c> section) and validated at start-up.
    /// </summary>
    public static IServiceCollection AddStompEventGridIngress(this IServiceCollection services, IConfiguration configuration, Action<EventGridRoutingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<EventGridRoutingOptions>().Bind(configuration).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventGridRoutingOptions>, EventGridRoutingOptionsValidator>());
        services.TryAddSingleton<EventGridMapping>();
        services.TryAddSingleton<EventGridIngress>();
        services.TryAddSingleton<EventGridWebhookHandler>();
        return services;
    }
}
