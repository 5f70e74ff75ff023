using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>The spilled-state contract against the Table store on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableSpilledStateContractTests(AzuriteFixture azurite) : SpilledStateContractTests
{
    protected override ValueTask<IStompStateStore> CreateStoreAsync() =>
        ValueTask.FromResult<IStompStateStore>(TestStores.Create(azurite));
}
