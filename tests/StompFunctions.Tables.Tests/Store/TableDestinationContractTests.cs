using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>The destination contract against the Table store on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDestinationContractTests(AzuriteFixture azurite) : DestinationContractTests
{
    protected override ValueTask<IStompStateStore> CreateStoreAsync() =>
        ValueTask.FromResult<IStompStateStore>(TestStores.Create(azurite));
}
