using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Sas;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Client.Rest;
using StompFunctions.Tables.Keys;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Client.Rest;

/// <summary>
/// The lean client on a real Azurite: it signs requests Azurite accepts, reads route rows exactly as
/// Azure.Data.Tables writes them, follows continuations, and maps a missing table and lost claims as the SDK path did.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRestClientWireTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Routes_written_by_the_SDK_read_back_with_every_field_and_the_SDKs_etag()
    {
        var options = TestTableOptions.For(azurite);
        var store = TestStores.Create(options);
        var destination = $"/topic/it's ü {Guid.NewGuid():N}";
        var plain = new StompRoute(destination, "sub-\"0\"", StompAckMode.ClientIndividual, StompGroupNames.For(destination, "sub-\"0\"", StompAckMode.ClientIndividual));
        var index = $"wildcards-{Guid.NewGuid():N}";
        var pattern = new StompRoute(index, "w", StompAckMode.Client, StompGroupNames.For("/topic/#", "w", StompAckMode.Client), Pattern: "/topic/#");
        await store.AddSubscriptionAsync(plain, new StompMember(destination, plain.Group, "c1"), Ct);
        await store.AddSubscriptionAsync(pattern, new StompMember(index, pattern.Group, "c2"), Ct);

        var routes = await store.GetRoutesWithIndexAsync(destination, index, Ct);

        var sdk = TableServiceClientFactory.Create(options).GetTableClient(options.RoutesTable);
        var plainRow = (await sdk.GetEntityAsync<TableEntity>(TableKeys.DestinationPartition(destination), TableKeys.RouteRow(plain.Group))).Value;
        var patternRow = (await sdk.GetEntityAsync<TableEntity>(TableKeys.DestinationPartition(index), TableKeys.RouteRow(pattern.Group))).Value;
        Assert.Equal(
            new[] { plain with { ETag = plainRow.ETag.ToString() }, pattern with { ETag = patternRow.ETag.ToString() } }.OrderBy(r => r.Group, StringComparer.Ordinal),
            routes.OrderBy(r => r.Group, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Properties_of_other_types_and_their_annotations_are_skipped()
    {
        var options = TestTableOptions.For(azurite);
        var store = TestStores.Create(options);
        var destination = $"/topic/{Guid.NewGuid():N}";
        var partition = TableKeys.DestinationPartition(destination);
        var sdk = TableServiceClientFactory.Create(options).GetTableClient(options.RoutesTable);
        await sdk.CreateIfNotExistsAsync();
        await sdk.AddEntityAsync(new TableEntity(partition, TableKeys.RouteRow("g"))
        {
            ["SubscriptionId"] = "s",
            ["AckMode"] = 1,
            ["Group"] = "g",
            ["Big"] = 1L << 40,
            ["When"] = DateTimeOffset.UnixEpoch,
            ["Id"] = Guid.NewGuid(),
            ["Bytes"] = new byte[] { 1, 2 },
            ["Ratio"] = 0.5,
            ["Flag"] = true,
        });

        var route = Assert.Single(await store.GetRoutesAsync(destination, Ct));

        Assert.Equal(new StompRoute(destination, "s", StompAckMode.Client, "g", route.ETag), route);
        Assert.NotNull(route.ETag);
    }

    [Fact]
    public async Task A_partition_of_more_than_one_page_is_read_whole_by_following_the_continuation()
    {
        var counter = new TableRequestCounter();
        var options = TestTableOptions.For(azurite, counter);
        var store = TestStores.Create(options);
        var destination = $"/topic/{Guid.NewGuid():N}";
        var partition = TableKeys.DestinationPartition(destination);
        var sdk = TableServiceClientFactory.Create(options).GetTableClient(options.RoutesTable);
        await sdk.CreateIfNotExistsAsync();
        const int Rows = 1_005;
        for (var first = 0; first < Rows; first += 100)
        {
            var batch = Enumerable.Range(first, Math.Min(100, Rows - first)).Select(i => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(partition, TableKeys.RouteRow($"g{i:D5}")) { ["SubscriptionId"] = "s", ["AckMode"] = 0, ["Group"] = $"g{i:D5}" }));
            await sdk.SubmitTransactionAsync(batch);
        }

        counter.Reset();

        var routes = await store.GetRoutesAsync(destination, Ct);

        Assert.Equal(Rows, routes.Count);
        Assert.Equal(Rows, routes.Select(r => r.Group).Distinct().Count());
        Assert.Equal(2, counter.Reads);
    }

    [Fact]
    public async Task A_table_deleted_under_the_SEND_path_is_created_again_for_the_read_and_the_claim()
    {
        var options = TestTableOptions.For(azurite);
        var store = TestStores.Create(options);
        var first = await store.ClaimEventAsync("c1", null, Ct);
        await store.GetRoutesAsync("/topic/a", Ct);
        var service = TableServiceClientFactory.Create(options);
        await service.DeleteTableAsync(options.RoutesTable);
        await service.DeleteTableAsync(options.SessionsTable);

        Assert.Empty(await store.GetRoutesAsync("/topic/a", Ct));
        var again = await store.ClaimEventAsync("c1", first.Version, Ct);

        // The marker went with its table: the old version no longer matches anything.
        Assert.False(again.Claimed);
        Assert.True((await store.ClaimEventAsync("c1", null, Ct)).Claimed);
    }

    [Fact]
    public async Task The_service_answers_409_on_a_second_insert_and_412_on_a_stale_version()
    {
        var options = TestTableOptions.For(azurite);
        var sdk = TableServiceClientFactory.Create(options);
        await sdk.CreateTableAsync(options.SessionsTable);
        var client = TableRestClient.Create(sdk, options, TimeProvider.System);
        var marker = """{"PartitionKey":"c1","RowKey":"event"}"""u8.ToArray();

        var version = await client.InsertAsync(options.SessionsTable, marker, Ct);
        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => client.InsertAsync(options.SessionsTable, marker, Ct));
        var next = await client.ReplaceAsync(options.SessionsTable, "c1", "event", marker, version!, Ct);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => client.ReplaceAsync(options.SessionsTable, "c1", "event", marker, version!, Ct));

        Assert.Equal((409, "EntityAlreadyExists"), (conflict.Status, conflict.ErrorCode));
        Assert.Equal((412, "UpdateConditionNotSatisfied"), (stale.Status, stale.ErrorCode));
        Assert.NotEqual(version, next);
        var stored = await sdk.GetTableClient(options.SessionsTable).GetEntityAsync<TableEntity>("c1", "event");
        Assert.Equal(next, stored.Value.ETag.ToString());
    }

    [Fact]
    public async Task A_lost_claim_through_the_store_returns_the_current_version()
    {
        var store = TestStores.Create(azurite);
        var first = await store.ClaimEventAsync("c1", null, Ct);
        var second = await store.ClaimEventAsync("c1", first.Version, Ct);

        var lost = await store.ClaimEventAsync("c1", first.Version, Ct);

        Assert.False(lost.Claimed);
        Assert.Equal(second.Version, lost.Version);
    }

    [Fact]
    public async Task A_connection_string_with_a_shared_access_signature_reads_and_claims()
    {
        var keyed = TestTableOptions.For(azurite);
        var sas = TableServiceClientFactory.Create(keyed).GenerateSasUri(
            TableAccountSasPermissions.All, TableAccountSasResourceTypes.All, DateTimeOffset.UtcNow.AddHours(1));
        var options = TestTableOptions.For(azurite);
        options.ConnectionString = $"TableEndpoint={azurite.TableEndpoint};SharedAccessSignature={sas.Query.TrimStart('?')}";
        var store = TestStores.Create(options);
        var destination = $"/topic/{Guid.NewGuid():N}";
        var route = new StompRoute(destination, "sub-0", StompAckMode.Auto, StompGroupNames.For(destination, "sub-0", StompAckMode.Auto));
        await store.AddSubscriptionAsync(route, new StompMember(destination, route.Group, "c1"), Ct);

        Assert.Single(await store.GetRoutesAsync(destination, Ct));
        Assert.True((await store.ClaimEventAsync("c1", null, Ct)).Claimed);
    }
}
