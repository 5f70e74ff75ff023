using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Testing;

/// <summary><c>services.AddStomp().AddInMemoryConnectionGateway()</c>: the recording gateway, for tests and tools only.</summary>
public static class InMemoryGatewayStompBuilderExtensions
{
    /// <summary>Registers one <see cref="InMemoryConnectionGateway"/> as the engine's <see cref="IConnectionGateway"/>, replacing any other.</summary>
    public static IStompBuilder AddInMemoryConnectionGateway(this IStompBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<InMemoryConnectionGateway>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IConnectionGateway>(static sp => sp.GetRequiredService<InMemoryConnectionGateway>()));
        return builder;
    }
}
