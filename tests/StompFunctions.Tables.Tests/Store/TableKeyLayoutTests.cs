using Azure.Data.Tables;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Keys;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>How names become keys on a real Azurite: encoded when they fit, hashed when they do not, never lost.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableKeyLayoutTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_destination_with_every_forbidden_key_character_is_listed_back_exactly()
    {
        var options = TestTableOptions.For(azurite);
        var store = TestStores.Create(options);
        var forbidden = new string(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(i => (char)i).ToArray());
        var destination = $"/queue/{Guid.NewGuid():N}/\\#?!|%+'{forbidden}";
        await Subscribe(store, destination, "c1");

        var listed = await ListAll(store);

        Assert.Contains(destination, listed);
        var key = Assert.Single(await RawPartitions(options));
        Assert.False(TableKeys.IsHashed(key));
    }

    [Fact]
    public async Task A_destination_too_long_for_a_key_is_stored_under_a_hashed_key_and_listed_back_exactly()
    {
        var options = TestTableOptions.For(azurite);
        var store = TestStores.Create(options);
        var destination = $"/topic/{Guid.NewGuid():N}/" + new string('/', 400) + new string('x', 5000);
        await Subscribe(store, destination, "c1");

        var listed = await ListAll(store);

        Assert.Equal(destination, Assert.Single(listed));
        var key = Assert.Single(await RawPartitions(options));
        Assert.True(TableKeys.IsHashed(key));
        Assert.True(key.Length <= TableKeyEncoding.MaxKeyLength);
        Assert.Equal(destination, Assert.Single(await store.GetRoutesAsync(destination, Ct)).Destination);
    }

    [Fact]
    public async Task Long_destinations_sharing_a_prefix_get_distinct_partitions()
    {
        var store = TestStores.Create(azurite);
        var prefix = $"/topic/{Guid.NewGuid():N}/" + new string('p', 600);
        await Subscribe(store, prefix + "a", "c1");
        await Subscribe(store, prefix + "b", "c2");

        Assert.Equal("c1", Assert.Single((await store.ReadDestinationAsync(prefix + "a", Ct)).Members).ConnectionId);
        Assert.Equal("c2", Assert.Single((await store.ReadDestinationAsync(prefix + "b", Ct)).Members).ConnectionId);
    }

    [Fact]
    public async Task Long_group_and_connection_names_fit_the_member_row_key()
    {
        var store = TestStores.Create(azurite);
        var destination = $"/topic/{Guid.NewGuid():N}";
        var group = "g/" + new string('g', 700);
        var connection = "c#" + new string('c', 700);
        var route = new StompRoute(destination, "sub-0", StompAckMode.Auto, group);

        await store.AddSubscriptionAsync(route, new StompMember(destination, group, connection), Ct);

        var member = Assert.Single((await store.ReadDestinationAsync(destination, Ct)).Members);
        Assert.Equal(connection, member.ConnectionId);
        Assert.Equal(group, member.Group);
        Assert.Equal(StoreOutcome.Ok, await store.RemoveMemberAsync(destination, group, connection, Ct));
    }

    [Fact]
    public async Task Spilled_state_of_a_connection_with_an_unusual_id_round_trips()
    {
        var store = TestStores.Create(azurite);
        var connection = "conn/with#odd?chars\\" + new string('z', 600);

        var written = await store.WriteSpilledStateAsync(connection, new byte[] { 1, 2, 3 }, null, Ct);

        Assert.Equal(StoreOutcome.Ok, written.Outcome);
        Assert.Equal(new byte[] { 1, 2, 3 }, (await store.ReadSpilledStateAsync(connection, Ct))!.Data.ToArray());
    }

    private static async Task Subscribe(IStompStateStore store, string destination, string connection)
    {
        var route = new StompRoute(destination, "sub-0", StompAckMode.Auto, StompGroupNames.For(destination, "sub-0", StompAckMode.Auto));
        await store.AddSubscriptionAsync(route, new StompMember(destination, route.Group, connection), Ct);
    }

    private static async Task<List<string>> ListAll(IStompStateStore store)
    {
        var all = new List<string>();
        string? token = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await store.ListDestinationsAsync(token, 1, Ct);
            all.AddRange(result.Destinations);
            token = result.ContinuationToken;
            if (token is null)
            {
                return all;
            }
        }

        throw new InvalidOperationException("Listing did not end within 100 pages.");
    }

    private static async Task<List<string>> RawPartitions(TableStorageOptions options)
    {
        var table = TableServiceClientFactory.Create(options).GetTableClient(options.RoutesTable);
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            if (!keys.Contains(row.PartitionKey))
            {
                keys.Add(row.PartitionKey);
            }
        }

        return keys;
    }
}
