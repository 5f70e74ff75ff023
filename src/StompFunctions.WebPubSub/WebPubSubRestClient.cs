using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using StompFunctions.WebPubSub.Authentication;
using StompFunctions.WebPubSub.Sending;

namespace StompFunctions.WebPubSub;

/// <summary>
/// A lean client of the Azure Web PubSub data-plane REST API for one hub (webpubsub-protocol.md §3), on
/// Azure.Core's <see cref="HttpPipeline"/>: built once, authenticated per attempt (access-key JWT or any
/// <see cref="TokenCredential"/>, e.g. managed identity), retried with back-off on 408/429/5xx honouring
/// <c>Retry-After</c> (the pipeline's retry policy), failures raised as <see cref="RequestFailedException"/>.
/// The sends each message makes (to a group, to a connection) skip the pipeline where nothing of it could be missed
/// and keep its behaviour (<see cref="Sending.DirectSender"/>, <see cref="WebPubSubRestClientOptions.SendsThroughPipeline"/>).
/// Every member is virtual so applications can mock it.
/// </summary>
public partial class WebPubSubRestClient
{
    /// <summary>Entra ID scope of the data plane (webpubsub-protocol.md §4.3).</summary>
    internal const string EntraScope = "https://webpubsub.azure.com/.default";

    private readonly HttpPipeline _pipeline = null!;
    private readonly Uri _endpoint = null!;
    private readonly string _hub = null!;
    private readonly string _apiVersion = null!;
    private readonly AzureKeyCredential? _keyCredential;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly SendUris _sendUris = null!;
    private readonly DirectSender? _direct;

    /// <summary>Creates a client from a connection string (<c>Endpoint=…;AccessKey=…;Version=1.0;[Port=…]</c>).</summary>
    public WebPubSubRestClient(string connectionString, string hub)
        : this(connectionString, hub, new WebPubSubRestClientOptions())
    {
    }

    /// <summary>Creates a client from a connection string with pipeline options.</summary>
    public WebPubSubRestClient(string connectionString, string hub, WebPubSubRestClientOptions options)
        : this(WebPubSubConnectionString.Parse(connectionString), hub, options)
    {
    }

    /// <summary>Creates a client from a parsed connection string with pipeline options.</summary>
    public WebPubSubRestClient(WebPubSubConnectionString connectionString, string hub, WebPubSubRestClientOptions options)
        : this(
            (connectionString ?? throw new ArgumentNullException(nameof(connectionString))).Endpoint,
            hub,
            new AzureKeyCredential(connectionString.AccessKey),
            options)
    {
    }

    /// <summary>Creates a client that signs requests with the access key.</summary>
    public WebPubSubRestClient(Uri endpoint, string hub, AzureKeyCredential credential)
        : this(endpoint, hub, credential, new WebPubSubRestClientOptions())
    {
    }

    /// <summary>Creates a client that signs requests with the access key, with pipeline options.</summary>
    public WebPubSubRestClient(Uri endpoint, string hub, AzureKeyCredential credential, WebPubSubRestClientOptions options)
        : this(endpoint, hub, options, credential ?? throw new ArgumentNullException(nameof(credential)), tokenCredential: null)
    {
    }

    /// <summary>Creates a client authenticated by Entra ID (managed identity in Azure).</summary>
    public WebPubSubRestClient(Uri endpoint, string hub, TokenCredential credential)
        : this(endpoint, hub, credential, new WebPubSubRestClientOptions())
    {
    }

    /// <summary>Creates a client authenticated by Entra ID, with pipeline options.</summary>
    public WebPubSubRestClient(Uri endpoint, string hub, TokenCredential credential, WebPubSubRestClientOptions options)
        : this(endpoint, hub, options, keyCredential: null, credential ?? throw new ArgumentNullException(nameof(credential)))
    {
    }

    /// <summary>For mocking only.</summary>
    protected WebPubSubRestClient()
    {
    }

    private WebPubSubRestClient(Uri endpoint, string hub, WebPubSubRestClientOptions options, AzureKeyCredential? keyCredential, TokenCredential? tokenCredential)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        ValidateHub(hub);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The endpoint must be an absolute http or https URL.", nameof(endpoint));
        }

        _endpoint = new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/'), UriKind.Absolute);
        _hub = hub;
        _apiVersion = options.ApiVersion;
        _keyCredential = keyCredential;
        _timeProvider = options.TimeProvider;

        // One token cache per client: the pipeline's policy and the direct sends sign with the same tokens.
        var tokens = keyCredential is null ? null : new AccessKeyTokenCache(keyCredential, options.TimeProvider, options.AccessKeyTokenLifetime);
        HttpPipelinePolicy authentication = tokens is not null
            ? new AccessKeyAuthenticationPolicy(tokens)
            : new BearerTokenAuthenticationPolicy(tokenCredential!, EntraScope);
        _pipeline = HttpPipelineBuilder.Build(options, [], [authentication], new ResponseClassifier());
        _direct = tokens is not null && DirectSender.Applies(keyCredential, options) ? new DirectSender(tokens, options) : null;
        _sendUris = new SendUris(group => SendUri("/groups/", group), connectionId => SendUri("/connections/", connectionId));
    }

    /// <summary>The service endpoint, e.g. <c>https://name.webpubsub.azure.com</c>.</summary>
    public virtual Uri Endpoint => _endpoint;

    /// <summary>The hub every call addresses.</summary>
    public virtual string Hub => _hub;

    /// <summary>Whether client access tokens are minted locally (access key) rather than by the service.</summary>
    internal bool HasAccessKey => _keyCredential is not null;

    /// <summary>The hub name rule of the REST spec (webpubsub-protocol.md §1.1).</summary>
    internal static bool IsValidHub(string? hub) => hub is not null && HubPattern().IsMatch(hub);

    private static void ValidateHub(string hub)
    {
        if (!IsValidHub(hub))
        {
            throw new ArgumentException("The hub name must start with a letter and hold at most 128 letters, digits or _`,.[] characters.", nameof(hub));
        }
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return response.IsError ? throw new RequestFailedException(response) : response;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex HubPattern();
}
