using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Testing;
using StompFunctions.Tables.Queues;
using StompFunctions.Tables.Store;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Registration;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddTableStorage_replaces_the_in_memory_default_and_the_engine_runs_on_it()
    {
        var services = new ServiceCollection();
        var tables = TestTableOptions.For(azurite);
        services.AddStomp().AddInMemoryConnectionGateway().AddTableStorage(o =>
        {
            o.ConnectionString = tables.ConnectionString;
            o.RoutesTable = tables.RoutesTable;
            o.SessionsTable = tables.SessionsTable;
        });
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IStompStateStore>();

        Assert.IsType<TableStateStore>(store);
        Assert.NotNull(provider.GetRequiredService<StompEngine>());
        Assert.Empty(await store.GetRoutesAsync("/topic/registered", CancellationToken.None));
    }

    [Fact]
    public async Task The_store_is_chosen_by_configuration_and_the_Tables_section_is_bound()
    {
        await using var provider = Build(new()
        {
            ["Stomp:StateStore"] = "Tables",
            ["Tables:Endpoint"] = "https://acct.table.core.windows.net/",
            ["Tables:ClientId"] = "00000000-0000-0000-0000-000000000001",
            ["Tables:RoutesTable"] = "stomproutes",
            ["Tables:Retry:MaxRetries"] = "5",
            ["Tables:Retry:NetworkTimeout"] = "00:00:02",
        });

        var options = provider.GetRequiredService<IOptions<TableStorageOptions>>().Value;

        Assert.IsType<TableStateStore>(provider.GetRequiredService<IStompStateStore>());
        Assert.IsType<TableQueueStore>(provider.GetRequiredService<IQueueStore>());
        Assert.Equal(new Uri("https://acct.table.core.windows.net/"), options.Endpoint);
        Assert.Equal("00000000-0000-0000-0000-000000000001", options.ClientId);
        Assert.Equal("stomproutes", options.RoutesTable);
        Assert.Equal("sessions", options.SessionsTable);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Retry.NetworkTimeout);
    }

    [Fact]
    public void Without_any_store_setting_registration_fails_naming_the_settings_instead_of_running_on_a_per_process_store()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build([]));

        Assert.Contains("Tables__Endpoint", e.Message, StringComparison.Ordinal);
        Assert.Contains("Tables__ConnectionString", e.Message, StringComparison.Ordinal);
        Assert.Contains("Stomp__StateStore=InMemory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Tables_connection_string_alone_selects_Table_Storage()
    {
        await using var provider = Build(new() { ["Tables:ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.IsType<TableStateStore>(provider.GetRequiredService<IStompStateStore>());
    }

    [Fact]
    public async Task InMemory_chosen_explicitly_wins_over_Table_settings()
    {
        await using var provider = Build(new() { ["Stomp:StateStore"] = "inmemory", ["Tables:ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.IsType<InMemoryStateStore>(provider.GetRequiredService<IStompStateStore>());
    }

    [Fact]
    public void An_unknown_store_name_fails_registration_with_the_choices()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Stomp:StateStore"] = "Redis" }));

        Assert.Contains("'InMemory' or 'Tables'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_Storage_without_a_connection_string_or_endpoint_fails_validation_naming_the_settings()
    {
        await using var provider = Build(new() { ["Stomp:StateStore"] = "Tables" });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStompStateStore>());

        Assert.Contains("Tables:ConnectionString", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_table_names_fail_validation()
    {
        await using var provider = Build(new() { ["Tables:ConnectionString"] = "UseDevelopmentStorage=true", ["Tables:RoutesTable"] = "bad-name" });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStompStateStore>());

        Assert.Contains("Tables:RoutesTable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_without_TLS_fails_validation_since_the_identitys_token_would_travel_in_clear()
    {
        await using var provider = Build(new() { ["Tables:Endpoint"] = "http://account.table.core.windows.net/" });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStompStateStore>());

        Assert.Contains("Tables:Endpoint must use https", e.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddStomp().AddStateStore(configuration);
        return services.BuildServiceProvider();
    }
}
