using System.Diagnostics.CodeAnalysis;

namespace StompFunctions.WebPubSub;

/// <summary>
/// A parsed Azure Web PubSub connection string, <c>Endpoint=https://x.webpubsub.azure.com;AccessKey=…;Version=1.0;[Port=…]</c>,
/// parsed the way the official .NET SDK does: pairs split on ';', each on its first '=', keys case-insensitive,
/// a repeated key is an error, <c>Endpoint</c> and <c>AccessKey</c> are required, <c>Port</c> overrides the endpoint's port.
/// </summary>
public sealed class WebPubSubConnectionString
{
    private WebPubSubConnectionString(Uri endpoint, string accessKey, string? version)
    {
        Endpoint = endpoint;
        AccessKey = accessKey;
        Version = version;
    }

    /// <summary>The service endpoint without a trailing slash, e.g. <c>https://name.webpubsub.azure.com</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The access key; its UTF-8 bytes are the HMAC key of every token and signature.</summary>
    public string AccessKey { get; }

    /// <summary>The <c>Version</c> pair when present (only <c>1.0</c> exists).</summary>
    public string? Version { get; }

    /// <summary>Parses a connection string and throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static WebPubSubConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return TryParse(connectionString, out var result, out var error)
            ? result
            : throw new FormatException($"Invalid Web PubSub connection string: {error}");
    }

    /// <summary>Parses a connection string; on failure <paramref name="error"/> says why (never echoing the key).</summary>
    public static bool TryParse(string? connectionString, [NotNullWhen(true)] out WebPubSubConnectionString? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "it is empty.";
            return false;
        }

        string? endpoint = null, accessKey = null, version = null, port = null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = "every part must be Key=Value.";
                return false;
            }

            var key = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim();
            if (!seen.Add(key))
            {
                error = $"the key '{key}' appears twice.";
                return false;
            }

            switch (key.ToUpperInvariant())
            {
                case "ENDPOINT": endpoint = value; break;
                case "ACCESSKEY": accessKey = value; break;
                case "VERSION": version = value; break;
                case "PORT": port = value; break;
                default: break; // Unknown keys are ignored, as the SDKs do, so newer strings still parse.
            }
        }

        if (string.IsNullOrEmpty(endpoint))
        {
            error = "Endpoint is missing.";
            return false;
        }

        if (string.IsNullOrEmpty(accessKey))
        {
            error = "AccessKey is missing.";
            return false;
        }

        if (!Uri.TryCreate(endpoint.TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = "Endpoint must be an absolute http or https URL.";
            return false;
        }

        if (port is not null)
        {
            if (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var portNumber) || portNumber is < 1 or > 65535)
            {
                error = "Port must be a number from 1 to 65535.";
                return false;
            }

            uri = new UriBuilder(uri) { Port = portNumber }.Uri;
        }

        // UriBuilder and Uri add a trailing "/" for an empty path; keep the endpoint without one.
        var normalized = new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), UriKind.Absolute);
        result = new WebPubSubConnectionString(normalized, accessKey, version);
        error = null;
        return true;
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"Endpoint={Endpoint.AbsoluteUri.TrimEnd('/')};AccessKey=***;Version={Version ?? "1.0"};";
}
