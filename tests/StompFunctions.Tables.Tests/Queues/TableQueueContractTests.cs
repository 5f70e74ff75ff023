using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Testing.Queues;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Queues;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Queues;

/// <summary>The shared queue delivery contract against the Table queue store on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableQueueDeliveryContractTests(AzuriteFixture azurite) : QueueDeliveryContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult(TestQueueStores.Create(azurite));

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(TestQueueStores.Sibling(store));
}

/// <summary>The shared queue recovery contract (two store objects stand for two instances) on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableQueueRecoveryContractTests(AzuriteFixture azurite) : QueueRecoveryContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult(TestQueueStores.Create(azurite));

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(TestQueueStores.Sibling(store));
}

/// <summary>The shared queue event mark contract (two store objects stand for two instances) on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableQueueEventMarkContractTests(AzuriteFixture azurite) : QueueEventMarkContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult(TestQueueStores.Create(azurite));

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(TestQueueStores.Sibling(store));
}

/// <summary>The shared cumulative ACK contract (two store objects stand for two instances) on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableQueueCumulativeAckContractTests(AzuriteFixture azurite) : QueueCumulativeAckContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult(TestQueueStores.Create(azurite));

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(TestQueueStores.Sibling(store));
}

/// <summary>The shared send lease contract (two store objects stand for two instances) on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableQueueSendLeaseContractTests(AzuriteFixture azurite) : QueueSendLeaseContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult(TestQueueStores.Create(azurite));

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(TestQueueStores.Sibling(store));
}

/// <summary>Table queue stores over a test Azurite; a sibling is a second store object (its own client) over the same table.</summary>
internal static class TestQueueStores
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IQueueStore, TableStorageOptions> OptionsOf = [];

    public static IQueueStore Create(AzuriteFixture azurite, TableRequestCounter? counter = null) => Create(TestTableOptions.For(azurite, counter));

    public static IQueueStore Sibling(IQueueStore store)
    {
        Assert.True(OptionsOf.TryGetValue(store, out var options));
        var sibling = new TableStorageOptions { ConnectionString = options.ConnectionString, QueuesTable = options.QueuesTable, Retry = options.Retry };
        return Create(sibling);
    }

    private static IQueueStore Create(TableStorageOptions options)
    {
        var store = new TableQueueStore(TableServiceClientFactory.Create(options), options);
        OptionsOf.Add(store, options);
        return store;
    }
}
