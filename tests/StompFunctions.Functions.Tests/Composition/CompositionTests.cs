using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Functions.Tests.Infrastructure;
using StompFunctions.Tables;

namespace StompFunctions.Functions.Tests.Composition;

public sealed class CompositionTests
{
    private static readonly Dictionary<string, string?> Emulator = new()
    {
        ["WebPubSub:ConnectionString"] = "Endpoint=http://127.0.0.1:1;Port=1;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;",
        ["WebPubSub:Hub"] = "stomp",
        [AppSettingNames.CollectorSchedule] = "0 */5 * * * *",
    };

    [Fact]
    public void Without_a_state_store_setting_the_app_stops_at_start_up_naming_the_missing_settings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionsAppHost.Build(Emulator));

        Assert.Equal(TableStorageStompBuilderExtensions.NoStateStoreMessage, error.Message);
        Assert.Contains("Tables__Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_in_memory_store_runs_only_when_chosen_explicitly()
    {
        using var host = FunctionsAppHost.Build(new Dictionary<string, string?>(Emulator) { [TableStorageStompBuilderExtensions.StateStoreKey] = "InMemory" });

        Assert.IsType<Broker.InMemory.InMemoryStateStore>(host.Services.GetRequiredService<IStompStateStore>());
    }

    [Fact]
    public void Table_settings_select_Table_Storage_and_the_engine_limits_are_the_local_stacks()
    {
        using var host = FunctionsAppHost.Build(new Dictionary<string, string?>(Emulator) { ["Tables:ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.Equal("TableStateStore", host.Services.GetRequiredService<IStompStateStore>().GetType().Name);
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StompBrokerOptions>>().Value;
        Assert.Equal(Protocol.StompParseOptions.DefaultMaxFrameBytes, options.Parsing.MaxFrameBytes);
        Assert.Equal(128 * 1024, options.MaxPendingFrameBytes);
    }
}
