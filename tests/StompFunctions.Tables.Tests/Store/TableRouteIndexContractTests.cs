using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Store;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>The wildcard-index contract against the Table store on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRouteIndexContractTests(AzuriteFixture azurite) : RouteIndexContractTests
{
    protected override ValueTask<IStompStateStore> CreateStoreAsync()
    {
        var options = TestTableOptions.For(azurite);
        return ValueTask.FromResult<IStompStateStore>(new TableStateStore(TableServiceClientFactory.Create(options), options));
    }
}
