using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// Decides who a negotiate caller is. The default (<see cref="ConfiguredClientAuthenticator"/>) follows the
/// <c>ClientAuthentication</c> settings and refuses everyone when nothing is configured; a host may register its own.
/// </summary>
public interface IStompClientAuthenticator
{
    /// <summary>Authenticates the caller of <paramref name="context"/>.</summary>
    ValueTask<ClientAuthenticationResult> AuthenticateAsync(HttpContext context);
}
