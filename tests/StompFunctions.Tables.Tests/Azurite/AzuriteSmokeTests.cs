using Azure;
using Azure.Data.Tables;
using StompFunctions.Tables.Client;

namespace StompFunctions.Tables.Tests.Azurite;

/// <summary>What the store relies on from Azurite 3.37 under this machine's Node, checked through the official client.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteSmokeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_stale_ETag_update_fails_with_412_and_a_transaction_is_atomic()
    {
        var options = TestTableOptions.For(azurite);
        var table = TableServiceClientFactory.Create(options).GetTableClient(options.RoutesTable);
        await table.CreateIfNotExistsAsync();
        var first = await table.UpsertEntityAsync(new TableEntity("p", "a") { ["V"] = 1 }, TableUpdateMode.Replace);
        await table.UpsertEntityAsync(new TableEntity("p", "a") { ["V"] = 2 }, TableUpdateMode.Replace);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "a", first.Headers.ETag!.Value));
        Assert.Equal(412, stale.Status);

        // The second action fails (the row exists), so the first must not be applied either.
        TableTransactionAction[] batch =
        [
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b")),
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
        ];
        await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(batch));
        var b = await table.GetEntityIfExistsAsync<TableEntity>("p", "b");
        Assert.False(b.HasValue);
    }
}
