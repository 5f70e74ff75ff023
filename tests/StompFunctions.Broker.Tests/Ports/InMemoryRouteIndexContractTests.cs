using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;

namespace StompFunctions.Broker.Tests.Ports;

/// <summary>Runs the wildcard-index contract against the embedded in-memory store.</summary>
public sealed class InMemoryRouteIndexContractTests : RouteIndexContractTests
{
    protected override ValueTask<IStompStateStore> CreateStoreAsync() =>
        ValueTask.FromResult<IStompStateStore>(new InMemoryStateStore());
}
