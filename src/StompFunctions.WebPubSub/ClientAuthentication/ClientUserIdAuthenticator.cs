using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// Negotiate through the application's <see cref="WebPubSubGatewayOptions.ClientUserId"/> hook: whatever user id it
/// returns (null: anonymous), no roles. For local development (the DevHost's <c>?userId=</c>) and hosts that
/// authenticate by other means; it replaces the configured authentication when the hook is set.
/// </summary>
internal sealed class ClientUserIdAuthenticator : IStompClientAuthenticator
{
    private readonly Func<HttpContext, ValueTask<string?>> _userId;

    public ClientUserIdAuthenticator(Func<HttpContext, ValueTask<string?>> userId) => _userId = userId;

    public async ValueTask<ClientAuthenticationResult> AuthenticateAsync(HttpContext context) =>
        ClientAuthenticationResult.Success(new ClientIdentity(await _userId(context).ConfigureAwait(false), []));
}
