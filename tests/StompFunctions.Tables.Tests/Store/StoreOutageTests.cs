using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>
/// Storage stopped in the middle of a run (a persistent Azurite, so a restart is an outage and not a
/// wipe): every operation fails with the port's clear exception, nothing is half-written, and once
/// storage is back the same store object works again without a restart.
/// </summary>
public sealed class StoreOutageTests(PersistentAzuriteFixture azurite) : IClassFixture<PersistentAzuriteFixture>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task While_storage_is_down_every_operation_fails_with_a_clear_error_and_works_again_once_it_is_back()
    {
        var store = TestStores.Create(azurite);
        var destination = $"/topic/outage-{Guid.NewGuid():N}";
        var route = new StompRoute(destination, "sub-0", StompAckMode.Auto, StompGroupNames.For(destination, "sub-0", StompAckMode.Auto));
        await store.AddSubscriptionAsync(route, new StompMember(destination, route.Group, "before"), Ct);
        await store.WriteSpilledStateAsync("before", new byte[] { 1 }, null, Ct);

        await azurite.StopAsync();
        try
        {
            Func<Task>[] operations =
            [
                () => store.GetRoutesAsync(destination, Ct).AsTask(),
                () => store.AddSubscriptionAsync(route, new StompMember(destination, route.Group, "during"), Ct).AsTask(),
                () => store.RemoveMemberAsync(destination, route.Group, "before", Ct).AsTask(),
                () => store.ReadDestinationAsync(destination, Ct).AsTask(),
                () => store.DeleteRouteAsync(destination, route.Group, "W/\"x\"", Ct).AsTask(),
                () => store.ListDestinationsAsync(null, 10, Ct).AsTask(),
                () => store.ReadSpilledStateAsync("before", Ct).AsTask(),
                () => store.WriteSpilledStateAsync("before", new byte[] { 2 }, null, Ct).AsTask(),
                () => store.DeleteSpilledStateAsync("before", Ct).AsTask(),
            ];
            foreach (var operation in operations)
            {
                var e = await Assert.ThrowsAsync<StompStoreUnavailableException>(operation);
                Assert.StartsWith("Table Storage ", e.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            await azurite.StartAgainAsync();
        }

        var snapshot = await store.ReadDestinationAsync(destination, Ct);
        Assert.Equal("before", Assert.Single(snapshot.Members).ConnectionId);
        Assert.Equal(new byte[] { 1 }, (await store.ReadSpilledStateAsync("before", Ct))!.Data.ToArray());
        await store.AddSubscriptionAsync(route, new StompMember(destination, route.Group, "after"), Ct);
        Assert.Equal(2, (await store.ReadDestinationAsync(destination, Ct)).Members.Count);
    }
}
