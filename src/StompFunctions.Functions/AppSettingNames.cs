namespace StompFunctions.Functions;

/// <summary>
/// Every setting the app reads, in configuration-key form (<c>Section:Key</c>; as an app setting or
/// environment variable it is written <c>Section__Key</c>). tests/js/infra checks these names against
/// the app settings in infra/app/function.bicep and local.settings.sample.json, and checks that every
/// <c>Section__Key</c> there is a settable property of the options class the section binds (named by
/// the <c>see cref</c> on each section), so a rename on either side fails the build. The
/// <c>[RequiredInAzure]</c> and <c>[RequiredLocally]</c> markers tell that check where the app cannot
/// start without the setting.
/// </summary>
internal static class AppSettingNames
{
    /// <summary>Section bound to <see cref="Broker.StompBrokerOptions"/>: heart-beats, limits, broker prefixes.</summary>
    public const string StompSection = "Stomp";

    /// <summary>Section bound to <see cref="WebPubSub.WebPubSubGatewayOptions"/>.</summary>
    public const string WebPubSubSection = "WebPubSub";

    // [RequiredInAzure] The service endpoint; REST calls reach it with the app's managed identity.
    public const string WebPubSubEndpoint = "WebPubSub:Endpoint";

    // [RequiredInAzure] Checks the ce-signature of upstream requests, which no identity can do; the
    // one access key in the app settings, put there by Bicep from the service's own keys.
    public const string WebPubSubAccessKey = "WebPubSub:AccessKey";

    // [RequiredInAzure] The service's secondary key, also accepted for ce-signature, so that rotating
    // either key (regenerate it, then re-provision) never gets upstream events refused with 401.
    public const string WebPubSubSecondaryAccessKey = "WebPubSub:SecondaryAccessKey";

    // [RequiredInAzure] [RequiredLocally] The hub that carries STOMP connections.
    public const string WebPubSubHub = "WebPubSub:Hub";

    // [RequiredLocally] Locally the emulator's connection string (endpoint and its public development key).
    public const string WebPubSubConnectionString = "WebPubSub:ConnectionString";

    /// <summary>Section bound to <see cref="Tables.TableStorageOptions"/>.</summary>
    public const string TablesSection = "Tables";

    // [RequiredInAzure] The Table service endpoint.
    public const string TablesEndpoint = "Tables:Endpoint";

    // [RequiredInAzure] Client id of the app's user-assigned identity, which the Table client signs in as.
    public const string TablesClientId = "Tables:ClientId";

    // [RequiredLocally] Locally Azurite's connection string.
    public const string TablesConnectionString = "Tables:ConnectionString";

    /// <summary>Section bound to <see cref="WebPubSub.ClientAuthentication.ClientAuthenticationOptions"/>: who may negotiate; closed when empty.</summary>
    public const string ClientAuthenticationSection = "ClientAuthentication";

    // The OpenID Connect authority (issuer URL) whose bearer tokens negotiate accepts; needs Audiences.
    public const string ClientAuthenticationAuthority = "ClientAuthentication:Authority";

    // The token audiences (aud) negotiate accepts, comma-separated.
    public const string ClientAuthenticationAudiences = "ClientAuthentication:Audiences";

    // Trust the App Service authentication principal (only while the platform's authentication is on).
    public const string ClientAuthenticationAppService = "ClientAuthentication:AppServiceAuthentication";

    // Let callers without a credential negotiate anonymous connections; logged as a warning at start-up.
    public const string ClientAuthenticationAllowAnonymous = "ClientAuthentication:AllowAnonymous";

    /// <summary>Section bound to <see cref="Broker.Authorization.DestinationRulesOptions"/>: which roles may SUBSCRIBE and SEND where.</summary>
    public const string DestinationRulesSection = "DestinationRules";

    /// <summary>Section bound to <see cref="EventGrid.EventGridRoutingOptions"/>: which events go to which destinations.</summary>
    public const string EventGridSection = "EventGrid";

    // [RequiredInAzure] [RequiredLocally] CRON schedule of the collector timer, read by the host as
    // %COLLECTOR_SCHEDULE% in the trigger attribute, so it is a flat name and must always be set.
    public const string CollectorSchedule = "COLLECTOR_SCHEDULE";
}
