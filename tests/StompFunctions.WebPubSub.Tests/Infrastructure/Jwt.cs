using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace StompFunctions.WebPubSub.Tests.Infrastructure;

/// <summary>Reads and checks HS256 tokens in tests, independently of the production minting code.</summary>
internal static class Jwt
{
    public static JsonElement Payload(string token) => Part(token, 1);

    public static JsonElement Header(string token) => Part(token, 0);

    public static bool HasValidSignature(string token, byte[] key)
    {
        var parts = token.Split('.');
        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        return CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2]));
    }

    private static JsonElement Part(string token, int index)
    {
        var bytes = Base64Url.DecodeFromChars(token.Split('.')[index]);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }
}
