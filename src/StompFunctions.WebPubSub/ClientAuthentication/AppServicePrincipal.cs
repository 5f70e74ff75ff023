using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// The identity App Service authentication puts in front of the app: <c>X-MS-CLIENT-PRINCIPAL</c>, base64 of
/// <c>{"auth_typ":…,"name_typ":…,"role_typ":…,"claims":[{"typ":…,"val":…}]}</c>, and <c>X-MS-CLIENT-PRINCIPAL-ID</c>.
/// Only read when the platform's authentication is on; the platform then removes these headers from client requests.
/// </summary>
internal static class AppServicePrincipal
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    /// <summary>Keeps a forged or broken header from costing more than a small parse.</summary>
    private const int MaxHeaderLength = 64 * 1024;

    /// <summary>The caller's identity, a refusal, or null when the request carries no principal.</summary>
    public static ClientAuthenticationResult? Read(HttpRequest request, ClientAuthenticationOptions options)
    {
        var encoded = request.Headers[PrincipalHeader].ToString();
        if (encoded.Length == 0)
        {
            return null;
        }

        if (encoded.Length > MaxHeaderLength || Parse(encoded, options) is not { } claims)
        {
            return ClientAuthenticationResult.Refuse(ClientAuthenticationFailure.InvalidToken);
        }

        var userId = claims.UserId ?? request.Headers[PrincipalIdHeader].ToString();
        if (string.IsNullOrEmpty(userId))
        {
            return ClientAuthenticationResult.Refuse(ClientAuthenticationFailure.NoUserId);
        }

        return ClientRoleLimits.Select(claims.Roles) is { } roles
            ? ClientAuthenticationResult.Success(new ClientIdentity(userId, roles))
            : ClientAuthenticationResult.Refuse(ClientAuthenticationFailure.TooManyRoles);
    }

    private static (string? UserId, List<string> Roles)? Parse(string encoded, ClientAuthenticationOptions options)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(encoded));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var roleType = root.TryGetProperty("role_typ", out var declared) && declared.ValueKind == JsonValueKind.String ? declared.GetString() : null;
            string? userId = null;
            var roles = new List<string>();
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind != JsonValueKind.Object
                    || !claim.TryGetProperty("typ", out var typ) || typ.ValueKind != JsonValueKind.String
                    || !claim.TryGetProperty("val", out var val) || val.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var type = typ.GetString();
                if (type == options.UserIdClaim)
                {
                    userId ??= val.GetString();
                }
                else if (type == options.RoleClaim || type == roleType)
                {
                    roles.Add(val.GetString()!);
                }
            }

            return (userId, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
