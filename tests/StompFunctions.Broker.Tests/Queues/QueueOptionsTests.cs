using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Testing;

namespace StompFunctions.Broker.Tests.Queues;

/// <summary>Queue settings are checked when the engine starts, and the engine uses the configured ones.</summary>
public sealed class QueueOptionsTests
{
    [Fact]
    public void Queue_settings_the_broker_cannot_honour_are_refused_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddStomp().AddInMemoryConnectionGateway();
        services.Configure<StompQueueOptions>(o => o.MaxPrefetch = 500);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<StompEngine>());

        Assert.Contains("Stomp:Queues needs 1 <= DefaultPrefetch <= MaxPrefetch <= 99.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_send_lease_that_is_not_positive_is_refused_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddStomp().AddInMemoryConnectionGateway();
        services.Configure<StompQueueOptions>(o => o.SendLease = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<StompEngine>());

        Assert.Contains("Stomp:Queues:AutoAckLease and Stomp:Queues:SendLease must be positive.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_uses_the_configured_queue_settings_and_store()
    {
        var services = new ServiceCollection();
        services.AddStomp().AddInMemoryConnectionGateway();
        services.Configure<StompQueueOptions>(o => o.MaxDeliveries = 2);
        using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<StompEngine>();

        Assert.Equal(2, engine.Queues.Options.MaxDeliveries);
        Assert.Same(provider.GetRequiredService<IQueueStore>(), engine.Queues.Store);
    }
}
