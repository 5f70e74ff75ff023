using Microsoft.Extensions.DependencyInjection;

namespace StompFunctions.Broker;

internal sealed class StompBuilder(IServiceCollection services, StompHandlerRegistry handlers) : IStompBuilder
{
    public IServiceCollection Services { get; } = services;

    public StompHandlerRegistry Handlers { get; } = handlers;
}
