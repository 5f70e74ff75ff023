namespace StompFunctions.Functions;

/// <summary>
/// Every setting the app reads, in configuration-key form (<c>Section:Key</c>; as an app setting
/// or environment variable it is written <c>Section__Key</c>). tests/js/infra checks these names
/// against the app settings in infra/app/function.bicep and local.settings.sample.json, so a
/// rename here that is not made there fails the build. The <c>[RequiredInAzure]</c> and
/// <c>[RequiredLocally]</c> markers tell that check where the app cannot start without the setting.
/// </summary>
internal static class AppSettingNames
{
    /// <summary>Section bound to the Web PubSub adapter's options.</summary>
    public const string WebPubSubSection = "WebPubSub";

    // [RequiredInAzure] The service endpoint; in Azure the app reaches it with its managed identity.
    public const string WebPubSubEndpoint = "WebPubSub:Endpoint";

    // [RequiredInAzure] [RequiredLocally] The hub that carries STOMP connections.
    public const string WebPubSubHub = "WebPubSub:Hub";

    // [RequiredLocally] Locally the emulator's connection string (endpoint and access key) replaces the identity.
    public const string WebPubSubConnectionString = "WebPubSub:ConnectionString";

    /// <summary>Section bound to the Table store's options.</summary>
    public const string TablesSection = "Tables";

    // [RequiredInAzure] The Table service endpoint; in Azure the app reaches it with its managed identity.
    public const string TablesEndpoint = "Tables:Endpoint";

    // [RequiredLocally] Locally Azurite's connection string replaces the identity.
    public const string TablesConnectionString = "Tables:ConnectionString";

    /// <summary>Section bound to the Event Grid ingress mapping (which events go to which destinations).</summary>
    public const string EventGridSection = "EventGrid";

    // [RequiredInAzure] [RequiredLocally] CRON schedule of the collector timer, read by the host as
    // %COLLECTOR_SCHEDULE% in the trigger attribute, so it is a flat name and must always be set.
    public const string CollectorSchedule = "COLLECTOR_SCHEDULE";
}
