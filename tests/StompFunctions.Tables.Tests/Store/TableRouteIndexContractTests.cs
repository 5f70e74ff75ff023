using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>The wildcard-index contract against the Table store on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRouteIndexContractTests(AzuriteFixture azurite) : RouteIndexContractTests
{
    protected override ValueTask<IStompStateStore> CreateStoreAsync() => ValueTask.FromResult<IStompStateStore>(TestStores.Create(azurite));
}
