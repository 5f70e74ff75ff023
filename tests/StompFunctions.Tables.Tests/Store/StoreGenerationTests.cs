using StompFunctions.Tables.Client;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>
/// The store generation on Table Storage: one marker row in the routes table that every instance agrees on, one read
/// once it exists, and a new one after Azurite in memory restarted (its tables gone). Azurite of its own: the restart
/// wipes everything on it.
/// </summary>
public sealed class StoreGenerationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Instances_agree_on_one_generation_it_costs_one_read_and_an_in_memory_restart_starts_a_new_one()
    {
        var counter = new TableRequestCounter();
        var options = TestTableOptions.For(azurite, counter);
        var first = TestStores.Create(options);
        var second = TestStores.Create(options);

        var generations = await Task.WhenAll(first.GetGenerationAsync(Ct).AsTask(), second.GetGenerationAsync(Ct).AsTask());
        counter.Reset();
        var again = await second.GetGenerationAsync(Ct);
        var (reads, writes) = (counter.Reads, counter.Writes);

        await azurite.StopAsync();
        await azurite.StartAgainAsync();
        var afterRestart = await Task.WhenAll(first.GetGenerationAsync(Ct).AsTask(), second.GetGenerationAsync(Ct).AsTask());

        Assert.Equal(generations[0], generations[1]);
        Assert.Equal(generations[0], again);
        Assert.Equal((1, 0), (reads, writes));
        Assert.Equal(afterRestart[0], afterRestart[1]);
        Assert.NotEqual(generations[0], afterRestart[0]);
        Assert.Matches("^[0-9a-f]{16}$", afterRestart[0]);
    }
}
