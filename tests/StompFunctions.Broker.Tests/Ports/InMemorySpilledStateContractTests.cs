using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;

namespace StompFunctions.Broker.Tests.Ports;

/// <summary>Runs the shared spilled-state contract against the embedded in-memory store.</summary>
public sealed class InMemorySpilledStateContractTests : SpilledStateContractTests
{
    protected override ValueTask<IStompStateStore> CreateStoreAsync() =>
        ValueTask.FromResult<IStompStateStore>(new InMemoryStateStore());
}
