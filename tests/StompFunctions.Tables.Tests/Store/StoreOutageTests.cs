using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Store;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>
/// Storage stopped in the middle of a run (a persistent Azurite, so a restart is an outage and not a
/// wipe): every operation fails with the port's clear exception, nothing is half-written, and once
/// storage is back the same store object works again without a restart. The log shows one warning line
/// per failure kind and minute, no stack trace, and one line when storage answers again.
/// </summary>
public sealed class StoreOutageTests(PersistentAzuriteFixture azurite) : IClassFixture<PersistentAzuriteFixture>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task While_storage_is_down_every_operation_fails_with_a_clear_error_and_works_again_once_it_is_back()
    {
        var options = TestTableOptions.For(azurite, null);
        var logger = new RecordingLogger<TableStateStore>();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var store = new TableStateStore(TableServiceClientFactory.Create(options), options, logger, time);
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

            var warnings = logger.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
            Assert.InRange(warnings.Count, 1, 2);
            Assert.All(warnings, w => Assert.Null(w.Exception));
            Assert.Equal(warnings.Count, warnings.Select(w => w.Message[w.Message.IndexOf("status", StringComparison.Ordinal)..w.Message.IndexOf('(', StringComparison.Ordinal)]).Distinct().Count());

            time.Advance(OutageLog.Interval + TimeSpan.FromSeconds(1));
            await Assert.ThrowsAsync<StompStoreUnavailableException>(operations[0]);
            var again = logger.Entries.Where(e => e.Level >= LogLevel.Warning).Skip(warnings.Count).ToList();
            Assert.Contains("more of this kind since the last line", Assert.Single(again).Message, StringComparison.Ordinal);
            Assert.DoesNotContain("(0 more", again[0].Message, StringComparison.Ordinal);
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
        var back = Assert.Single(logger.Entries, e => e.EventId == 5202);
        Assert.Matches("answers again after [0-9]+ failed requests over 6[0-9] s", back.Message);
    }
}
