using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StompFunctions.Emulator.Rest;

namespace StompFunctions.Emulator.Auth;

/// <summary>
/// Authenticates data-plane calls as the service does for access keys (webpubsub-protocol.md §4.2):
/// <c>Authorization: Bearer</c> HS256 JWT signed with either key, <c>exp</c> required, audience equal to the
/// request URL with or without its query (<see cref="RequestAudience"/>). A token that passed is remembered
/// (<see cref="VerifiedTokens"/>): later calls with it check only its lifetime, its key and their own URL.
/// Entra ID tokens are not accepted: the emulator has no identity to validate them against.
/// </summary>
internal sealed class RestAuthenticator(IOptions<WebPubSubEmulatorOptions> options, TimeProvider time)
{
    private const string Scheme = "Bearer ";

    private readonly VerifiedTokens _verified = new();

    /// <summary>How many verified tokens are remembered (for tests of the bound).</summary>
    internal int RememberedTokens => _verified.Count;

    public bool TryAuthenticate(HttpRequest request, out EmulatorError error)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = EmulatorError.RestTokenMissing;
            return false;
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        var token = authorization.AsSpan(Scheme.Length).Trim();
        var verified = _verified.Find(token, settings, now);
        if (verified is null)
        {
            var text = token.ToString();
            if (!TryVerify(text, settings, now, out verified, out error))
            {
                return false;
            }

            _verified.Add(text, verified, settings, now);
        }

        if (!RequestAudience.Matches(verified.Audience, request))
        {
            error = EmulatorError.RestTokenAudience;
            return false;
        }

        error = default;
        return true;
    }

    /// <summary>Signature, lifetime and the presence of a string audience; the audience is compared by the caller.</summary>
    private static bool TryVerify(string token, WebPubSubEmulatorOptions settings, DateTimeOffset now, [NotNullWhen(true)] out VerifiedToken? verified, out EmulatorError error)
    {
        verified = null;
        var check = HmacJwt.Verify(token, ClientTokenValidator.Keys(settings), out var payload, out var key);
        if (check != JwtCheck.Valid)
        {
            error = check == JwtCheck.BadSignature ? EmulatorError.RestTokenBadSignature : EmulatorError.RestTokenMalformed;
            return false;
        }

        using (payload)
        {
            var root = payload!.RootElement;
            if (!HmacJwt.TryReadLifetime(root, out var expires, out var notBefore) || !HmacJwt.IsWithinLifetime(expires, notBefore, now, settings.ClockSkew))
            {
                error = EmulatorError.RestTokenLifetime;
                return false;
            }

            if (!root.TryGetProperty("aud", out var aud) || aud.ValueKind != JsonValueKind.String)
            {
                error = EmulatorError.RestTokenAudience;
                return false;
            }

            verified = new VerifiedToken(RequestAudience.Normalize(aud.GetString()!), expires, notBefore, key!);
            error = default;
            return true;
        }
    }
}
