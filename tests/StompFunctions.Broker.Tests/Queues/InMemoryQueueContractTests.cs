using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Testing.Queues;

namespace StompFunctions.Broker.Tests.Queues;

/// <summary>The shared queue delivery contract against the embedded in-memory store.</summary>
public sealed class InMemoryQueueDeliveryContractTests : QueueDeliveryContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult<IQueueStore>(new InMemoryQueueStore());

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(store);
}

/// <summary>The shared queue recovery contract against the embedded in-memory store.</summary>
public sealed class InMemoryQueueRecoveryContractTests : QueueRecoveryContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult<IQueueStore>(new InMemoryQueueStore());

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(store);
}

/// <summary>The shared queue event mark contract against the embedded in-memory store.</summary>
public sealed class InMemoryQueueEventMarkContractTests : QueueEventMarkContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult<IQueueStore>(new InMemoryQueueStore());

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(store);
}

/// <summary>The shared cumulative ACK contract against the embedded in-memory store.</summary>
public sealed class InMemoryQueueCumulativeAckContractTests : QueueCumulativeAckContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult<IQueueStore>(new InMemoryQueueStore());

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(store);
}

/// <summary>The shared send lease contract against the embedded in-memory store.</summary>
public sealed class InMemoryQueueSendLeaseContractTests : QueueSendLeaseContractTests
{
    protected override ValueTask<IQueueStore> CreateStoreAsync() => ValueTask.FromResult<IQueueStore>(new InMemoryQueueStore());

    protected override ValueTask<IQueueStore> CreateSiblingAsync(IQueueStore store) => ValueTask.FromResult(store);
}
