using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// Negotiate authentication from the <c>ClientAuthentication</c> settings, tried in this order: the App Service
/// principal (when trusted), a bearer JWT from the configured OpenID Connect authority, anonymous (only when
/// <see cref="ClientAuthenticationOptions.AllowAnonymous"/> is on). Anything else is refused; with nothing
/// configured, every caller is.
/// </summary>
public sealed class ConfiguredClientAuthenticator : IStompClientAuthenticator
{
    private readonly IOptions<ClientAuthenticationOptions> _options;

    /// <summary>Creates the authenticator over the bound settings.</summary>
    public ConfiguredClientAuthenticator(IOptions<ClientAuthenticationOptions> options) => _options = options;

    /// <inheritdoc />
    public async ValueTask<ClientAuthenticationResult> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = _options.Value;
        if (options.TrustsAppServicePrincipal && AppServicePrincipal.Read(context.Request, options) is { } principal)
        {
            return principal;
        }

        if (HasBearerToken(context.Request))
        {
            return string.IsNullOrEmpty(options.Authority)
                ? ClientAuthenticationResult.Refuse(ClientAuthenticationFailure.BearerNotAccepted)
                : await BearerTokenAuthentication.AuthenticateAsync(context, options).ConfigureAwait(false);
        }

        if (options.AllowAnonymous)
        {
            return ClientAuthenticationResult.Success(ClientIdentity.Anonymous);
        }

        return ClientAuthenticationResult.Refuse(options.AcceptsAnyone ? ClientAuthenticationFailure.MissingCredential : ClientAuthenticationFailure.NotConfigured);
    }

    private static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
