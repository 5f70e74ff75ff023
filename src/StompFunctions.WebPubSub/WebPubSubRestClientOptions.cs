using Azure.Core;

namespace StompFunctions.WebPubSub;

/// <summary>Options of <see cref="WebPubSubRestClient"/>: the Azure.Core pipeline settings (retry, transport, diagnostics) plus service extras.</summary>
public sealed class WebPubSubRestClientOptions : ClientOptions
{
    /// <summary>Creates options for the given data-plane API version.</summary>
    public WebPubSubRestClientOptions(ServiceVersion version = ServiceVersion.V2024_01_01)
    {
        if (!Enum.IsDefined(version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown Web PubSub service version.");
        }

        Version = version;

        // Every SEND makes a REST call: the SDK's per-request logging, tracing (an Activity, which Application Insights
        // records as a dependency) and telemetry (User-Agent) policies stay out unless an application turns them on here.
        Diagnostics.IsLoggingEnabled = false;
        Diagnostics.IsDistributedTracingEnabled = false;
        Diagnostics.IsTelemetryEnabled = false;
    }

    /// <summary>Data-plane API versions this client speaks.</summary>
    public enum ServiceVersion
    {
        /// <summary><c>2024-01-01</c>: sends, groups, close, exists, <c>:generateToken</c> (webpubsub-protocol.md §3).</summary>
        V2024_01_01 = 1,
    }

    /// <summary>The API version sent as <c>api-version</c> on every request.</summary>
    public ServiceVersion Version { get; }

    /// <summary>Lifetime of the access-key JWTs that sign REST calls (the .NET SDK uses five minutes); a token is reused for the same URL during the first half of it.</summary>
    public TimeSpan AccessKeyTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Sends to a group or a connection (the calls each message makes) go straight through <see cref="HttpClient"/> when
    /// the client signs with the access key on the default transport with diagnostics off, retried by <see cref="ClientOptions.Retry"/>
    /// as the pipeline would; every other call takes the pipeline. Set this when policies added with
    /// <see cref="ClientOptions.AddPolicy"/> must see the sends too.
    /// </summary>
    public bool SendsThroughPipeline { get; set; }

    /// <summary>The clock for token timestamps; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal string ApiVersion => Version switch
    {
        ServiceVersion.V2024_01_01 => "2024-01-01",
        _ => throw new InvalidOperationException("Unknown Web PubSub service version."),
    };
}
