using System.Text.Json;
using Microsoft.Extensions.Options;
using StompFunctions.Emulator.Rest;

namespace StompFunctions.Emulator.Auth;

/// <summary>
/// Validates client access tokens as the service does (webpubsub-protocol.md §1.1): HS256 with either key,
/// <c>exp</c> required, lifetime with clock skew, audience <c>{endpoint}/client/hubs/{hub}</c>.
/// </summary>
internal sealed class ClientTokenValidator(IOptions<WebPubSubEmulatorOptions> options, TimeProvider time)
{
    public bool TryValidate(string token, string hub, out ClientClaims claims, out EmulatorError error)
    {
        claims = ClientClaims.Anonymous;
        var settings = options.Value;
        var check = HmacJwt.Verify(token, Keys(settings), out var payload);
        if (check != JwtCheck.Valid)
        {
            error = check switch
            {
                JwtCheck.UnsupportedAlgorithm => EmulatorError.ClientTokenNotHs256,
                JwtCheck.BadSignature => EmulatorError.ClientTokenBadSignature,
                _ => EmulatorError.ClientTokenMalformed,
            };
            return false;
        }

        using (payload)
        {
            var root = payload!.RootElement;
            if (!HmacJwt.IsWithinLifetime(root, time.GetUtcNow(), settings.ClockSkew))
            {
                error = EmulatorError.ClientTokenLifetime;
                return false;
            }

            if (!HasClientAudience(root, hub))
            {
                error = EmulatorError.ClientTokenAudience;
                return false;
            }

            claims = ClientClaims.From(root);
            error = default;
            return true;
        }
    }

    internal static IReadOnlyList<string> Keys(WebPubSubEmulatorOptions settings) =>
        string.IsNullOrEmpty(settings.SecondaryAccessKey) ? [settings.AccessKey] : [settings.AccessKey, settings.SecondaryAccessKey];

    /// <summary>
    /// Compares the audience's path with <c>/client/hubs/{hub}</c>, case-insensitively. The host is not compared:
    /// a local emulator is reached as localhost, 127.0.0.1 or a container name, and the token stays valid for
    /// each (the service compares against its one public host name).
    /// </summary>
    private static bool HasClientAudience(JsonElement payload, string hub)
    {
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        if (aud.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in aud.EnumerateArray())
            {
                if (IsClientAudience(item, hub))
                {
                    return true;
                }
            }

            return false;
        }

        return IsClientAudience(aud, hub);
    }

    private static bool IsClientAudience(JsonElement aud, string hub)
    {
        if (aud.ValueKind != JsonValueKind.String || !Uri.TryCreate(aud.GetString(), UriKind.Absolute, out var uri))
        {
            return false;
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
        return string.Equals(path, "/client/hubs/" + hub, StringComparison.OrdinalIgnoreCase);
    }
}
