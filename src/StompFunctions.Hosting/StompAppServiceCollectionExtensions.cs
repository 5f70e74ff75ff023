using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Broker;
using StompFunctions.Broker.Authorization;
using StompFunctions.Broker.Queues;
using StompFunctions.EventGrid;
using StompFunctions.Tables;
using StompFunctions.WebPubSub;
using StompFunctions.WebPubSub.ClientAuthentication;

namespace StompFunctions.Hosting;

/// <summary><c>services.AddStompApp(configuration)</c>: everything the STOMP app needs, from configuration.</summary>
public static class StompAppServiceCollectionExtensions
{
    /// <summary>The section bound to <see cref="StompBrokerOptions"/> (<c>Stomp__HeartBeatReceiveMilliseconds</c>, …).</summary>
    public const string StompSection = "Stomp";

    /// <summary>The section bound to <see cref="EventGridRoutingOptions"/>.</summary>
    public const string EventGridSection = "EventGrid";

    /// <summary>Queue settings (<c>StompQueueOptions</c>): <c>Stomp__Queues__MaxDeliveries</c>, <c>…__DefaultPrefetch</c>, ….</summary>
    public const string QueuesSection = "Stomp:Queues";

    /// <summary>
    /// Registers the engine (options from the <c>Stomp</c> section), the Web PubSub gateway with the upstream,
    /// negotiate and publish handlers (section <c>WebPubSub</c>; without a connection string the REST calls use
    /// <see cref="DefaultAzureCredential"/>, i.e. the app's managed identity; negotiate authenticates callers from the
    /// <c>ClientAuthentication</c> section and refuses everyone when it is empty), the destination rules (section
    /// <c>DestinationRules</c>, or the documented defaults), the state store chosen by
    /// configuration (<c>Tables</c>, or <c>Stomp:StateStore=InMemory</c> explicitly; neither fails at once
    /// naming the settings), the Event Grid ingress and webhook (section <c>EventGrid</c>) and the route
    /// collector; with inline socket completions on, Kestrel schedules inline too (<see cref="StompInlineIo"/>).
    /// Returns the engine's builder for handlers and hooks (<c>MapSend</c>, <c>OnConnect</c>, …).
    /// Hosts change settings through configuration or <c>services.Configure&lt;TOptions&gt;</c>.
    /// </summary>
    public static IStompBuilder AddStompApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StompBrokerOptions>().Bind(configuration.GetSection(StompSection));
        services.AddOptions<StompQueueOptions>().Bind(configuration.GetSection(QueuesSection));
        var stomp = services.AddStomp().AddWebPubSubGateway().AddStateStore(configuration).AddDestinationRules(DestinationRules(configuration));

        // Runs after every Configure, so a host that sets a connection string in code keeps its key.
        services.PostConfigure<WebPubSubGatewayOptions>(static gateway =>
        {
            if (string.IsNullOrEmpty(gateway.ConnectionString) && gateway.Credential is null)
            {
                gateway.Credential = new DefaultAzureCredential();
            }
        });
        services.AddStompEventGridIngress(configuration.GetSection(EventGridSection));
        StompInlineIo.ConfigureKestrel(services, Environment.GetEnvironmentVariable(StompInlineIo.SocketCompletionsVariable));
        return stomp;
    }

    /// <summary>
    /// The <c>DestinationRules</c> section. Without rules the defaults admit authenticated sessions, and every session
    /// when anonymous clients may negotiate (<c>ClientAuthentication:AllowAnonymous</c>), so opening up is one setting.
    /// </summary>
    private static DestinationRulesOptions DestinationRules(IConfiguration configuration)
    {
        var rules = configuration.GetSection(DestinationRulesOptions.SectionName).Get<DestinationRulesOptions>() ?? new DestinationRulesOptions();
        rules.DefaultsIncludeAnonymous |= configuration.GetValue<bool>(ClientAuthenticationOptions.SectionName + ":" + nameof(ClientAuthenticationOptions.AllowAnonymous));
        return rules;
    }
}
