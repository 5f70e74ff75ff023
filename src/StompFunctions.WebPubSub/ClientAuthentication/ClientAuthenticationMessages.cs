using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>The one table of negotiate refusals: HTTP status and the plain-text body the caller reads.</summary>
public static class ClientAuthenticationMessages
{
    /// <summary>The HTTP status of a refusal: 401 for every credential problem, 403 for too many roles, 503 when the provider is unreachable.</summary>
    public static int StatusCode(ClientAuthenticationFailure failure) => failure switch
    {
        ClientAuthenticationFailure.TooManyRoles => StatusCodes.Status403Forbidden,
        ClientAuthenticationFailure.ProviderUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status401Unauthorized,
    };

    /// <summary>The body of a refusal; it names what was wrong, never the token's content.</summary>
    public static string Message(ClientAuthenticationFailure failure) => failure switch
    {
        ClientAuthenticationFailure.MissingCredential => "Negotiate needs a bearer token: send 'Authorization: Bearer <token>' from the app's identity provider.",
        ClientAuthenticationFailure.NotConfigured => "Negotiate accepts no caller: this app has no identity provider configured and does not allow anonymous clients.",
        ClientAuthenticationFailure.BearerNotAccepted => "Bearer tokens are not accepted here: this app has no identity provider configured.",
        ClientAuthenticationFailure.Expired => "The bearer token has expired; get a new one from the identity provider.",
        ClientAuthenticationFailure.NotYetValid => "The bearer token is not valid yet (its nbf is in the future).",
        ClientAuthenticationFailure.WrongAudience => "The bearer token was issued for another audience (aud) than this app.",
        ClientAuthenticationFailure.WrongIssuer => "The bearer token comes from an issuer (iss) this app does not trust.",
        ClientAuthenticationFailure.BadSignature => "The bearer token's signature does not verify with the identity provider's keys.",
        ClientAuthenticationFailure.Malformed => "The bearer token is not a well-formed JWT.",
        ClientAuthenticationFailure.InvalidToken => "The bearer token was refused.",
        ClientAuthenticationFailure.NoUserId => "The identity carries no claim naming the user (see ClientAuthentication:UserIdClaim).",
        ClientAuthenticationFailure.TooManyRoles => $"The identity carries more roles than a connection may ({ClientRoleLimits.MaxRoles}, each at most {ClientRoleLimits.MaxRoleLength} characters).",
        ClientAuthenticationFailure.ProviderUnavailable => "The identity provider's metadata could not be read; try again shortly.",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };

    /// <summary>The <c>WWW-Authenticate</c> challenge of a 401 (RFC 6750), or null for other statuses.</summary>
    public static string? Challenge(ClientAuthenticationFailure failure) => failure switch
    {
        ClientAuthenticationFailure.MissingCredential or ClientAuthenticationFailure.NotConfigured => "Bearer",
        _ when StatusCode(failure) == StatusCodes.Status401Unauthorized => $"Bearer error=\"invalid_token\", error_description=\"{Message(failure)}\"",
        _ => null,
    };
}
