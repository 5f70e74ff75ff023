using StompFunctions.Tables.Client;
using StompFunctions.Tables.Store;

namespace StompFunctions.Tables.Tests.Azurite;

/// <summary>Table stores over a test Azurite, each with tables of its own.</summary>
internal static class TestStores
{
    public static TableStateStore Create(AzuriteFixture azurite, TableRequestCounter? counter = null) =>
        Create(TestTableOptions.For(azurite, counter));

    public static TableStateStore Create(TableStorageOptions options) =>
        new(TableServiceClientFactory.Create(options), options);
}
