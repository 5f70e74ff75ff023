using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using StompFunctions.Emulator.Rest;

namespace StompFunctions.Emulator.Auth;

/// <summary>
/// Authenticates data-plane calls as the service does for access keys (webpubsub-protocol.md §4.2):
/// <c>Authorization: Bearer</c> HS256 JWT signed with either key, <c>exp</c> required, audience equal to the
/// request URL with or without its query, compared case-insensitively and URL-decoded.
/// Entra ID tokens are not accepted: the emulator has no identity to validate them against.
/// </summary>
internal sealed class RestAuthenticator(IOptions<WebPubSubEmulatorOptions> options, TimeProvider time)
{
    public bool TryAuthenticate(HttpRequest request, out EmulatorError error)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            error = EmulatorError.RestTokenMissing;
            return false;
        }

        var settings = options.Value;
        var check = HmacJwt.Verify(authorization["Bearer ".Length..].Trim(), ClientTokenValidator.Keys(settings), out var payload);
        if (check != JwtCheck.Valid)
        {
            error = check == JwtCheck.BadSignature ? EmulatorError.RestTokenBadSignature : EmulatorError.RestTokenMalformed;
            return false;
        }

        using (payload)
        {
            var root = payload!.RootElement;
            if (!HmacJwt.IsWithinLifetime(root, time.GetUtcNow(), settings.ClockSkew))
            {
                error = EmulatorError.RestTokenLifetime;
                return false;
            }

            if (!root.TryGetProperty("aud", out var aud) || aud.ValueKind != System.Text.Json.JsonValueKind.String || !MatchesRequestUrl(aud.GetString()!, request))
            {
                error = EmulatorError.RestTokenAudience;
                return false;
            }
        }

        error = default;
        return true;
    }

    private static bool MatchesRequestUrl(string audience, HttpRequest request)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var origin = request.Scheme + "://" + request.Host.Value + request.PathBase;
        var withQuery = Normalize(origin + target);
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var withoutQuery = Normalize(origin + (queryStart < 0 ? target : target[..queryStart]));
        var expected = Normalize(audience);
        return string.Equals(expected, withQuery, StringComparison.OrdinalIgnoreCase)
            || string.Equals(expected, withoutQuery, StringComparison.OrdinalIgnoreCase);
    }

    // SDKs escape path segments differently (":" and "/" in names); decoding both sides makes them comparable.
    private static string Normalize(string url) => Uri.UnescapeDataString(url).TrimEnd('/');
}
