using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// Validates the negotiate caller's bearer token with ASP.NET Core's JwtBearer handler (registered under
/// <see cref="SchemeName"/> and configured by <see cref="JwtBearerOptionsSetup"/>: the authority's metadata and keys,
/// the configured audiences, lifetime) and turns the outcome into an identity or a refusal reason.
/// </summary>
internal static class BearerTokenAuthentication
{
    /// <summary>The authentication scheme negotiate uses; distinct from any scheme the application has.</summary>
    public const string SchemeName = "StompNegotiateBearer";

    public static async ValueTask<ClientAuthenticationResult> AuthenticateAsync(HttpContext context, ClientAuthenticationOptions options)
    {
        var result = await context.AuthenticateAsync(SchemeName).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return IdentityOf(result.Principal, options);
        }

        return ClientAuthenticationResult.Refuse(result.Failure is null ? ClientAuthenticationFailure.MissingCredential : Classify(result.Failure));
    }

    /// <summary>The user id and roles of a validated principal, by the configured claim types.</summary>
    public static ClientAuthenticationResult IdentityOf(ClaimsPrincipal principal, ClientAuthenticationOptions options)
    {
        var userId = principal.FindFirst(options.UserIdClaim)?.Value;
        if (string.IsNullOrEmpty(userId))
        {
            return ClientAuthenticationResult.Refuse(ClientAuthenticationFailure.NoUserId);
        }

        var roles = ClientRoleLimits.Select(principal.FindAll(options.RoleClaim).Select(static claim => claim.Value));
        return roles is null
            ? ClientAuthenticationResult.Refuse(ClientAuthenticationFailure.TooManyRoles)
            : ClientAuthenticationResult.Success(new ClientIdentity(userId, roles));
    }

    /// <summary>The reason for a failed validation, from the exception the token handler raised.</summary>
    public static ClientAuthenticationFailure Classify(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => ClientAuthenticationFailure.Expired,
        SecurityTokenNotYetValidException => ClientAuthenticationFailure.NotYetValid,
        SecurityTokenInvalidAudienceException => ClientAuthenticationFailure.WrongAudience,
        SecurityTokenInvalidIssuerException => ClientAuthenticationFailure.WrongIssuer,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => ClientAuthenticationFailure.BadSignature,
        SecurityTokenMalformedException or ArgumentException => ClientAuthenticationFailure.Malformed,
        SecurityTokenException => ClientAuthenticationFailure.InvalidToken,

        // The handler reports unreachable metadata (IDX20803) as InvalidOperationException.
        InvalidOperationException or HttpRequestException => ClientAuthenticationFailure.ProviderUnavailable,
        _ => ClientAuthenticationFailure.InvalidToken,
    };
}
