using Azure.Identity;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Store;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>How the Table client's failures reach the engine: typed, with a message an operator can act on.</summary>
public sealed class StoreFailureMappingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_wrong_account_key_is_reported_as_refused_credentials()
    {
        var options = TestTableOptions.For(azurite);
        options.ConnectionString = options.ConnectionString!.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        var store = TestStores.Create(options);

        var e = await Assert.ThrowsAsync<StompStoreUnavailableException>(() => store.GetRoutesAsync("/topic/a", Ct).AsTask());

        Assert.Contains("refused the credentials", e.Message, StringComparison.Ordinal);
        Assert.Contains("403", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_identity_that_gets_no_token_is_an_outage_that_names_the_identity_not_a_crash()
    {
        var refused = new AuthenticationFailedException("imds endpoint refused the managed identity");

        var e = StoreFailures.Unavailable(refused, "read routes");

        Assert.True(StoreFailures.IsStoreFailure(refused, Ct));
        Assert.True(StoreFailures.IsStoreFailure(new CredentialUnavailableException("no identity here"), Ct));
        Assert.Contains("No token for Table Storage (read routes)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("imds", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_reported_as_an_outage()
    {
        var store = TestStores.Create(azurite);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var e = await Record.ExceptionAsync(() => store.GetRoutesAsync("/topic/a", cancelled.Token).AsTask());

        Assert.IsAssignableFrom<OperationCanceledException>(e);
    }

    [Fact]
    public async Task A_table_that_vanished_is_created_again_and_the_operation_succeeds()
    {
        var options = TestTableOptions.For(azurite);
        var store = TestStores.Create(options);
        var destination = $"/topic/{Guid.NewGuid():N}";
        var route = new StompRoute(destination, "sub-0", StompAckMode.Auto, StompGroupNames.For(destination, "sub-0", StompAckMode.Auto));
        await store.GetRoutesAsync(destination, Ct);
        await TableServiceClientFactory.Create(options).DeleteTableAsync(options.RoutesTable);

        await store.AddSubscriptionAsync(route, new StompMember(destination, route.Group, "c1"), Ct);

        Assert.Single(await store.GetRoutesAsync(destination, Ct));
    }

    [Fact]
    public async Task With_table_creation_off_a_missing_table_is_a_clear_error()
    {
        var options = TestTableOptions.For(azurite);
        options.CreateTablesIfMissing = false;
        var store = TestStores.Create(options);

        var e = await Assert.ThrowsAsync<StompStoreUnavailableException>(() => store.GetRoutesAsync("/topic/a", Ct).AsTask());

        Assert.Contains("TableNotFound", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spilled_state_over_the_row_limit_is_refused_before_any_request()
    {
        var store = TestStores.Create(azurite);

        var e = await Assert.ThrowsAsync<StompStoreUnavailableException>(
            () => store.WriteSpilledStateAsync("c1", new byte[TableStateStore.MaxSpillBytes + 1], null, Ct).AsTask());

        Assert.Contains("at most", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spilled_state_at_the_row_limit_round_trips()
    {
        var store = TestStores.Create(azurite);
        var data = new byte[TableStateStore.MaxSpillBytes];
        new Random(3).NextBytes(data);

        await store.WriteSpilledStateAsync("c-max", data, null, Ct);

        Assert.True((await store.ReadSpilledStateAsync("c-max", Ct))!.Data.Span.SequenceEqual(data));
    }

    [Fact]
    public async Task A_destination_longer_than_a_table_property_holds_is_refused_with_a_clear_error_before_any_request()
    {
        var counter = new TableRequestCounter();
        var store = TestStores.Create(azurite, counter);

        var e = await Assert.ThrowsAsync<StompStoreUnavailableException>(() => store.GetRoutesAsync("/topic/" + new string('x', 40_000), Ct).AsTask());

        Assert.Contains("destination is longer", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, counter.Total);
    }
}
