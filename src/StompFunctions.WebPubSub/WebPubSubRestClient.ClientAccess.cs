using System.Text;
using System.Text.Json;
using Azure;
using StompFunctions.WebPubSub.Authentication;

namespace StompFunctions.WebPubSub;

public partial class WebPubSubRestClient
{
    /// <summary>The official SDKs' default lifetime of a client access token.</summary>
    internal static readonly TimeSpan DefaultClientTokenLifetime = TimeSpan.FromMinutes(60);

    /// <summary>
    /// Returns the WebSocket URL a client connects to, <c>wss://{host}/client/hubs/{hub}?access_token={jwt}</c>.
    /// With an access key the token is minted locally (aud = <c>https://{host}/client/hubs/{hub}</c>); with a
    /// <see cref="Azure.Core.TokenCredential"/> the service mints it through <c>:generateToken</c>, as the SDKs do.
    /// </summary>
    public virtual async Task<Uri> GetClientAccessUriAsync(
        string? userId = null,
        IEnumerable<string>? roles = null,
        IEnumerable<string>? groups = null,
        TimeSpan? lifetime = null,
        CancellationToken cancellationToken = default)
    {
        var tokenLifetime = lifetime ?? DefaultClientTokenLifetime;
        if (tokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A client token must live for a positive time.");
        }

        var token = _keyCredential is not null
            ? AccessKeyJwt.Create(
                Encoding.UTF8.GetBytes(_keyCredential.Key),
                ClientAudience,
                _timeProvider.GetUtcNow(),
                tokenLifetime,
                userId,
                roles?.ToArray(),
                groups?.ToArray())
            : await GenerateClientTokenAsync(userId, roles, groups, tokenLifetime, cancellationToken).ConfigureAwait(false);
        return new Uri(ClientBaseUrl + "?access_token=" + Uri.EscapeDataString(token));
    }

    /// <summary>The audience of client tokens: the https (not wss) form of the client endpoint.</summary>
    internal string ClientAudience => _endpoint.AbsoluteUri.TrimEnd('/') + "/client/hubs/" + _hub;

    /// <summary>The client endpoint with the WebSocket scheme matching the service's scheme.</summary>
    internal string ClientBaseUrl
    {
        get
        {
            var scheme = _endpoint.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
            var rest = _endpoint.AbsoluteUri[_endpoint.Scheme.Length..].TrimEnd('/');
            return scheme + rest + "/client/hubs/" + Uri.EscapeDataString(_hub);
        }
    }

    private async Task<string> GenerateClientTokenAsync(string? userId, IEnumerable<string>? roles, IEnumerable<string>? groups, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        // The service counts whole minutes (at least one); round up so a client never gets less than asked for.
        var minutes = (int)Math.Clamp(Math.Ceiling(lifetime.TotalMinutes), 1, int.MaxValue);
        using var message = CreateGenerateTokenRequest(userId, roles, groups, minutes);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("token", out var token)
                && token.ValueKind == JsonValueKind.String
                && token.GetString() is { Length: > 0 } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Falls through to the error below: a 200 without a token is a service fault either way.
        }

        throw new RequestFailedException(response.Status, "The service answered :generateToken without a token.");
    }
}
