namespace StompFunctions.Emulator;

/// <summary>
/// Settings of the local Web PubSub emulator: keys, hubs with their event handlers, limits.
/// Binds from the <c>WebPubSub</c> configuration section in the standalone program.
/// </summary>
public sealed class WebPubSubEmulatorOptions
{
    /// <summary>
    /// The well-known development access key: the same public value Microsoft's own emulator
    /// prints. It protects nothing and must never be used for a real service.
    /// </summary>
    public const string DevelopmentAccessKey = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    /// <summary>Primary access key; HMAC material is its UTF-8 bytes (tokens and <c>ce-signature</c>).</summary>
    public string AccessKey { get; set; } = DevelopmentAccessKey;

    /// <summary>Optional secondary key: accepted for tokens and added as a second <c>ce-signature</c> entry, as during key rotation.</summary>
    public string? SecondaryAccessKey { get; set; }

    /// <summary>
    /// The endpoint clients and servers use (for the connection string, generated client tokens and the
    /// <c>WebHook-Request-Origin</c> header). When null, the first address the server listens on is used.
    /// </summary>
    public Uri? PublicEndpoint { get; set; }

    /// <summary>Hub settings by hub name (case-insensitive). The entry <c>_default</c> applies to any hub not listed.</summary>
    public Dictionary<string, EmulatorHubOptions> Hubs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Largest WebSocket message a client may send and largest REST message body: 1 MB, as the service documents.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Timeout of one upstream call. The cloud value is UNCONFIRMED (webpubsub-protocol.md §2.5);
    /// 100 s is what Microsoft's emulator uses.
    /// </summary>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Delays between retries of an upstream call that failed with 408, 5xx or a network error.
    /// Empty by default: the cloud retry policy is UNCONFIRMED and a retried message event is delivered
    /// twice; Microsoft's emulator uses 1 s, 3 s, 5 s.
    /// </summary>
    public IList<TimeSpan> UpstreamRetryDelays { get; } = [];

    /// <summary>How long a passed abuse-protection check of a handler URL stays valid (Microsoft's emulator: about a minute).</summary>
    public TimeSpan AbuseProtectionCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Clock skew tolerated when checking token lifetimes (Microsoft's emulator: 5 minutes).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Default of <see cref="MaxQueuedBytesPerConnection"/>: 16 MiB, sixteen of the largest messages.</summary>
    public const long DefaultMaxQueuedBytesPerConnection = 16L * 1024 * 1024;

    /// <summary>
    /// Bytes that may wait for one slow client (payloads plus 64 bytes per message) before the emulator drops it,
    /// as the service drops clients with too many messages queued (close category <c>SlowClient</c>). The service's
    /// own bound is UNCONFIRMED; the default takes sixteen 1 MB messages or about 200,000 tiny ones, far past an
    /// ordinary burst, and keeps one stuck socket from holding more.
    /// </summary>
    public long MaxQueuedBytesPerConnection { get; set; } = DefaultMaxQueuedBytesPerConnection;

    /// <summary>How <c>ce-userId</c> carries user ids outside printable ASCII (default: percent-encoded, UNCONFIRMED).</summary>
    public UserIdHeaderEncoding UserIdHeaderEncoding { get; set; } = UserIdHeaderEncoding.PercentEncoded;

    /// <summary>
    /// Whether <c>ce-hub</c> carries the hub name lower-cased. Microsoft's emulator lower-cases it; whether the
    /// cloud service does is UNCONFIRMED (webpubsub-protocol.md §1.1), hence the switch.
    /// </summary>
    public bool LowercaseHubInEvents { get; set; } = true;
}
