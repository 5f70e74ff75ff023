using Microsoft.Extensions.DependencyInjection;

namespace StompFunctions.Broker;

/// <summary>Returned by <c>AddStomp</c>: registers handlers, middleware and hooks, and lets adapters chain their own registration.</summary>
public interface IStompBuilder
{
    /// <summary>The service collection, for adapters (<c>.AddTableStorage(…)</c>, <c>.AddWebPubSubGateway(…)</c>).</summary>
    IServiceCollection Services { get; }

    /// <summary>The handler registry the engine will run with.</summary>
    StompHandlerRegistry Handlers { get; }
}
