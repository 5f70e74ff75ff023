using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace StompFunctions.WebPubSub.Authentication;

/// <summary>
/// Mints the HS256 JSON Web Tokens Web PubSub accepts for access-key authentication, shaped as the
/// official SDKs build them (webpubsub-protocol.md §1.1 and §4.2): header <c>{"alg":"HS256","typ":"JWT"}</c>,
/// claims <c>nbf</c>/<c>exp</c>/<c>iat</c> in epoch seconds, <c>aud</c>, optional <c>sub</c>, <c>role</c>[] and
/// <c>webpubsub.group</c>[], signed with the UTF-8 bytes of the access key (not base64-decoded).
/// </summary>
internal static class AccessKeyJwt
{
    /// <summary>base64url of <c>{"alg":"HS256","typ":"JWT"}</c>, the header both SDKs emit.</summary>
    private static ReadOnlySpan<byte> EncodedHeader => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"u8;

    private const int SignatureBytes = 32;

    public static string Create(
        ReadOnlySpan<byte> key,
        string audience,
        DateTimeOffset now,
        TimeSpan lifetime,
        string? subject = null,
        IReadOnlyList<string>? roles = null,
        IReadOnlyList<string>? groups = null)
    {
        var payload = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(payload))
        {
            var issuedAt = now.ToUnixTimeSeconds();
            json.WriteStartObject();
            json.WriteNumber("nbf"u8, issuedAt);
            json.WriteNumber("exp"u8, (now + lifetime).ToUnixTimeSeconds());
            json.WriteNumber("iat"u8, issuedAt);
            json.WriteString("aud"u8, audience);
            if (!string.IsNullOrEmpty(subject))
            {
                json.WriteString("sub"u8, subject);
            }

            WriteArray(json, "role"u8, roles);
            WriteArray(json, "webpubsub.group"u8, groups);
            json.WriteEndObject();
        }

        var payloadLength = Base64Url.GetEncodedLength(payload.WrittenCount);
        var signatureLength = Base64Url.GetEncodedLength(SignatureBytes);
        var total = EncodedHeader.Length + 1 + payloadLength + 1 + signatureLength;
        var rented = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            var token = rented.AsSpan(0, total);
            EncodedHeader.CopyTo(token);
            var position = EncodedHeader.Length;
            token[position++] = (byte)'.';
            position += Base64Url.EncodeToUtf8(payload.WrittenSpan, token[position..]);

            Span<byte> signature = stackalloc byte[SignatureBytes];
            HMACSHA256.HashData(key, token[..position], signature);
            token[position++] = (byte)'.';
            position += Base64Url.EncodeToUtf8(signature, token[position..]);
            return System.Text.Encoding.ASCII.GetString(token[..position]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void WriteArray(Utf8JsonWriter json, ReadOnlySpan<byte> name, IReadOnlyList<string>? values)
    {
        // The SDKs omit empty claims instead of writing "[]".
        if (values is null || values.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
