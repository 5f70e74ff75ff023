namespace StompFunctions.WebPubSub;

/// <summary>The options resolved once: endpoint and keys from the connection string or the separate settings.</summary>
internal sealed record WebPubSubSettings(Uri? Endpoint, string? AccessKey, IReadOnlyList<string> AccessKeys, IReadOnlyList<string> AllowedOrigins)
{
    public static WebPubSubSettings From(WebPubSubGatewayOptions options)
    {
        var parsed = string.IsNullOrWhiteSpace(options.ConnectionString) ? null : WebPubSubConnectionString.Parse(options.ConnectionString);
        var endpoint = parsed?.Endpoint ?? options.Endpoint;
        var primary = parsed?.AccessKey ?? options.AccessKey;
        var keys = new[] { primary, options.SecondaryAccessKey }.Where(static k => !string.IsNullOrEmpty(k)).Select(static k => k!).ToArray();

        // By default the preflight accepts only the service this app is configured for.
        var origins = options.AllowedOrigins.Count > 0 ? [.. options.AllowedOrigins] : endpoint is null ? Array.Empty<string>() : [endpoint.Host];
        return new WebPubSubSettings(endpoint, primary, keys, origins);
    }

    public WebPubSubRestClient CreateClient(WebPubSubGatewayOptions options)
    {
        var endpoint = Endpoint ?? throw new InvalidOperationException("Web PubSub: set ConnectionString, or Endpoint with AccessKey or Credential.");
        if (options.Credential is not null)
        {
            return new WebPubSubRestClient(endpoint, options.Hub, options.Credential, options.Rest);
        }

        return AccessKey is not null
            ? new WebPubSubRestClient(endpoint, options.Hub, new Azure.AzureKeyCredential(AccessKey), options.Rest)
            : throw new InvalidOperationException("Web PubSub: no AccessKey and no Credential to call the REST API with.");
    }
}
