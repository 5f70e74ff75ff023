using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;

namespace StompFunctions.Broker.Tests.Ports;

/// <summary>Runs the shared store contract against the embedded in-memory store.</summary>
public sealed class InMemoryStateStoreContractTests : StateStoreContractTests
{
    protected override ValueTask<IStompStateStore> CreateStoreAsync() =>
        ValueTask.FromResult<IStompStateStore>(new InMemoryStateStore());

    [Fact]
    public async Task Clear_loses_every_row_and_starts_a_new_generation_as_an_in_memory_Azurite_restart_does()
    {
        var store = new InMemoryStateStore();
        var before = await store.GetGenerationAsync(CancellationToken.None);
        var route = new StompRoute("/topic/a", "0", StompAckMode.Auto, StompGroupNames.For("/topic/a", "0", StompAckMode.Auto));
        await store.AddSubscriptionAsync(route, new StompMember("/topic/a", route.Group, "c1"), CancellationToken.None);
        await store.WriteSpilledStateAsync("c1", new byte[] { 1 }, null, CancellationToken.None);

        store.Clear();

        Assert.NotEqual(before, await store.GetGenerationAsync(CancellationToken.None));
        Assert.Empty(await store.GetRoutesAsync("/topic/a", CancellationToken.None));
        Assert.Null(await store.ReadSpilledStateAsync("c1", CancellationToken.None));
    }
}
