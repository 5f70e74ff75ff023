using StompFunctions.Emulator.Client;
using StompFunctions.Emulator.Hubs;
using StompFunctions.Emulator.Rest;

namespace StompFunctions.Emulator;

/// <summary>Maps the emulator's endpoints: <c>/client/hubs/{hub}</c>, <c>/client</c>, <c>/api/health</c> and <c>/api/hubs/...</c>.</summary>
public static class WebPubSubEmulatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the client WebSocket endpoint and the data-plane REST API. WebSockets are enabled for these
    /// routes only, so the host application needs no <c>UseWebSockets()</c> of its own.
    /// </summary>
    public static IEndpointConventionBuilder MapWebPubSubEmulator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<EmulatorMarkerService>() is null)
        {
            throw new InvalidOperationException("Call builder.Services.AddWebPubSubEmulator() before app.MapWebPubSubEmulator().");
        }

        var clients = endpoints.ServiceProvider.GetRequiredService<ClientEndpoint>();
        var registry = endpoints.ServiceProvider.GetRequiredService<HubRegistry>();
        endpoints.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping
            .Register(() => registry.CloseAll("The emulator is shutting down."));
        var rest = endpoints.ServiceProvider.GetRequiredService<RestApi>();
        var clientPipeline = endpoints.CreateApplicationBuilder()
            .UseWebSockets()
            .Use(next => clients.HandleAsync)
            .Build();

        var builders = new List<IEndpointConventionBuilder>
        {
            endpoints.Map("/client/hubs/{hub}", clientPipeline),
            endpoints.Map("/client", clientPipeline),
            endpoints.MapMethods("/api/health", [HttpMethods.Head, HttpMethods.Get], RestApi.HealthAsync),
            endpoints.Map("/api/hubs/{**path}", rest.HandleAsync),
        };
        return new CompositeConventionBuilder(builders);
    }

    private sealed class CompositeConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
