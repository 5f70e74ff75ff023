using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker.Collector;
using StompFunctions.Broker.Configuration;
using StompFunctions.Broker.Identifiers;
using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker;

/// <summary><c>services.AddStomp(…)</c>: the engine, its publish API, the collector and the embedded in-memory store.</summary>
public static class StompServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine (<see cref="StompEngine"/>), the publish API (<see cref="IStompPublisher"/>), the route
    /// collector, and the in-memory store as the default that a store adapter replaces (<c>.AddTableStorage(…)</c>).
    /// No <see cref="IConnectionGateway"/> is registered: a gateway adapter (<c>.AddWebPubSubGateway(…)</c>) must
    /// add one, and resolving the engine without it fails with a message saying so. Calling it again adds
    /// configuration and returns a builder over the same handler registry.
    /// </summary>
    public static IStompBuilder AddStomp(this IServiceCollection services, Action<StompBrokerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StompBrokerOptions>().ValidateOnStart();
        services.AddOptions<StompQueueOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StompQueueOptions>, StompQueueOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StompBrokerOptions>, StompBrokerOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(StompHandlerRegistry))?.ImplementationInstance as StompHandlerRegistry;
        if (registry is null)
        {
            registry = new StompHandlerRegistry();
            services.AddSingleton(registry);
        }

        // Hosts register real logging; a bare collection (tests, tools) still resolves loggers.
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(NullLogger<>)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStompIdGenerator, RandomIdGenerator>();
        services.TryAddSingleton<InMemoryStateStore>();
        services.TryAddSingleton<IStompStateStore>(sp => sp.GetRequiredService<InMemoryStateStore>());
        services.TryAddSingleton<InMemoryQueueStore>();
        services.TryAddSingleton<IQueueStore>(sp => sp.GetRequiredService<InMemoryQueueStore>());
        services.TryAddSingleton(CreateEngine);
        services.TryAddSingleton<IStompPublisher>(sp => sp.GetRequiredService<StompEngine>().Publisher);
        services.TryAddSingleton(sp => new StompRouteCollector(
            sp.GetRequiredService<IStompStateStore>(),
            sp.GetRequiredService<IConnectionGateway>(),
            sp.GetRequiredService<ILogger<StompRouteCollector>>(),
            sp.GetRequiredService<StompEngine>().Queues));
        return new StompBuilder(services, registry);
    }

    private static StompEngine CreateEngine(IServiceProvider services)
    {
        // Options first: invalid settings are the first thing to report.
        var options = services.GetRequiredService<IOptions<StompBrokerOptions>>();
        _ = options.Value;
        var gateway = services.GetService<IConnectionGateway>() ?? throw new InvalidOperationException(
            "The STOMP engine needs a connection gateway: add one after AddStomp(), e.g. .AddWebPubSubGateway(...).");
        return new StompEngine(
            services.GetRequiredService<IStompStateStore>(),
            gateway,
            services.GetRequiredService<StompHandlerRegistry>(),
            options,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IStompIdGenerator>(),
            services.GetRequiredService<ILogger<StompEngine>>(),
            services);
    }
}
