using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace StompFunctions.Emulator.Auth;

/// <summary>
/// HS256 JSON Web Tokens signed with the UTF-8 bytes of an access key, the way Web PubSub and its
/// SDKs do it (webpubsub-protocol.md §0: the key string is NOT base64-decoded). Hand-written because
/// the emulator must not depend on an identity stack for two algorithms' worth of code.
/// </summary>
internal static class HmacJwt
{
    private static ReadOnlySpan<byte> HeaderSegment => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"u8; // {"alg":"HS256","typ":"JWT"}

    /// <summary>Signs a payload written by <paramref name="writePayload"/>.</summary>
    public static string Sign(string accessKey, Action<Utf8JsonWriter> writePayload)
    {
        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writePayload(writer);
            writer.WriteEndObject();
        }

        var signingInput = new StringBuilder();
        signingInput.Append(Encoding.ASCII.GetString(HeaderSegment));
        signingInput.Append('.');
        signingInput.Append(Base64Url.EncodeToString(payload.WrittenSpan));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKey), Encoding.ASCII.GetBytes(signingInput.ToString()));
        signingInput.Append('.');
        signingInput.Append(Base64Url.EncodeToString(signature));
        return signingInput.ToString();
    }

    /// <summary>
    /// Checks the structure, the algorithm and the signature against any of the keys; on success
    /// returns the parsed payload (the caller checks lifetime and audience, which differ by use).
    /// </summary>
    public static JwtCheck Verify(string token, IReadOnlyList<string> keys, out JsonDocument? payload) =>
        Verify(token, keys, out payload, out _);

    /// <summary>As <see cref="Verify(string, IReadOnlyList{string}, out JsonDocument?)"/>, also naming the key whose signature matched.</summary>
    public static JwtCheck Verify(string token, IReadOnlyList<string> keys, out JsonDocument? payload, out string? verifiedBy)
    {
        payload = null;
        verifiedBy = null;
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot || lastDot == token.Length - 1)
        {
            return JwtCheck.Malformed;
        }

        byte[] header, body, signature;
        try
        {
            header = Base64Url.DecodeFromChars(token.AsSpan(0, firstDot));
            body = Base64Url.DecodeFromChars(token.AsSpan(firstDot + 1, lastDot - firstDot - 1));
            signature = Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1));
        }
        catch (FormatException)
        {
            return JwtCheck.Malformed;
        }

        if (!IsHs256(header))
        {
            return JwtCheck.UnsupportedAlgorithm;
        }

        var signingInput = Encoding.ASCII.GetBytes(token[..lastDot]);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        string? matched = null;
        foreach (var key in keys)
        {
            KeyedHmac.Compute(key, signingInput, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, signature))
            {
                matched ??= key;
            }
        }

        if (matched is null)
        {
            return JwtCheck.BadSignature;
        }

        try
        {
            payload = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return JwtCheck.Malformed;
        }

        if (payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            payload.Dispose();
            payload = null;
            return JwtCheck.Malformed;
        }

        verifiedBy = matched;
        return JwtCheck.Valid;
    }

    /// <summary>Checks <c>exp</c> (required) and <c>nbf</c> (optional) with the allowed clock skew.</summary>
    public static bool IsWithinLifetime(JsonElement payload, DateTimeOffset now, TimeSpan skew) =>
        TryReadLifetime(payload, out var expires, out var notBefore) && IsWithinLifetime(expires, notBefore, now, skew);

    /// <summary>Reads <c>exp</c> (false without it) and <c>nbf</c> (null without it) in Unix seconds.</summary>
    public static bool TryReadLifetime(JsonElement payload, out long expires, out long? notBefore)
    {
        notBefore = TryGetSeconds(payload, "nbf", out var nbf) ? nbf : null;
        return TryGetSeconds(payload, "exp", out expires);
    }

    /// <summary>The lifetime rule on values already read: before <c>exp</c> and not before <c>nbf</c>, both with the skew.</summary>
    public static bool IsWithinLifetime(long expires, long? notBefore, DateTimeOffset now, TimeSpan skew) =>
        now - skew < DateTimeOffset.FromUnixTimeSeconds(expires)
        && (notBefore is not { } nbf || now + skew >= DateTimeOffset.FromUnixTimeSeconds(nbf));

    private static bool TryGetSeconds(JsonElement payload, string name, out long seconds)
    {
        seconds = 0;
        if (!payload.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetInt64(out seconds))
        {
            return true;
        }

        // Some issuers write fractional seconds; truncating them is what the service's validator does with NumericDate.
        if (value.TryGetDouble(out var fractional) && fractional is > long.MinValue and < long.MaxValue)
        {
            seconds = (long)fractional;
            return true;
        }

        return false;
    }

    private static bool IsHs256(byte[] header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("alg", out var alg)
                && alg.ValueKind == JsonValueKind.String
                && alg.ValueEquals("HS256");
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
