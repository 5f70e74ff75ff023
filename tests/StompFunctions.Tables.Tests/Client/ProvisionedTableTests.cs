using Azure;
using Azure.Data.Tables;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Client;

[Collection(AzuriteCollection.Name)]
public sealed class ProvisionedTableTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_table_is_created_by_one_request_however_many_callers_ask_at_once()
    {
        var counter = new TableRequestCounter();
        var options = TestTableOptions.For(azurite, counter);
        var table = new ProvisionedTable(TableServiceClientFactory.Create(options).GetTableClient(options.RoutesTable), createIfMissing: true);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => table.EnsureCreatedAsync(CancellationToken.None).AsTask()));
        await table.EnsureCreatedAsync(CancellationToken.None);

        Assert.Equal(1, counter.Total);
        await table.Client.UpsertEntityAsync(new TableEntity("p", "r"));
    }

    [Fact]
    public async Task Once_created_the_check_completes_synchronously_without_a_request()
    {
        var counter = new TableRequestCounter();
        var options = TestTableOptions.For(azurite, counter);
        var table = new ProvisionedTable(TableServiceClientFactory.Create(options).GetTableClient(options.RoutesTable), createIfMissing: true);
        await table.EnsureCreatedAsync(CancellationToken.None);

        Assert.True(table.EnsureCreatedAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.Equal(1, counter.Total);
    }

    [Fact]
    public async Task After_the_table_vanished_invalidating_creates_it_again()
    {
        var options = TestTableOptions.For(azurite);
        var service = TableServiceClientFactory.Create(options);
        var table = new ProvisionedTable(service.GetTableClient(options.RoutesTable), createIfMissing: true);
        await table.EnsureCreatedAsync(CancellationToken.None);
        await service.DeleteTableAsync(options.RoutesTable);

        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.Client.UpsertEntityAsync(new TableEntity("p", "r")));
        Assert.Equal(404, missing.Status);
        table.Invalidate();
        await table.EnsureCreatedAsync(CancellationToken.None);

        await table.Client.UpsertEntityAsync(new TableEntity("p", "r"));
    }

    [Fact]
    public async Task With_creation_turned_off_no_create_request_is_sent()
    {
        var counter = new TableRequestCounter();
        var options = TestTableOptions.For(azurite, counter);
        var table = new ProvisionedTable(TableServiceClientFactory.Create(options).GetTableClient(options.RoutesTable), createIfMissing: false);

        Assert.True(table.EnsureCreatedAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.Equal(0, counter.Total);
    }
}
