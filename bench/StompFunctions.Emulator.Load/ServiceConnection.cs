using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace StompFunctions.Emulator.Load;

/// <summary>Parses a Web PubSub connection string and signs access-key tokens (HS256 over the key's UTF-8 bytes).</summary>
internal sealed class ServiceConnection
{
    private readonly string _accessKey;

    public ServiceConnection(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair.Length > 1 ? pair[1].Trim() : "", StringComparer.OrdinalIgnoreCase);
        var endpoint = new UriBuilder(parts["Endpoint"]);
        if (parts.TryGetValue("Port", out var port))
        {
            endpoint.Port = int.Parse(port, System.Globalization.CultureInfo.InvariantCulture);
        }

        Endpoint = endpoint.Uri;
        _accessKey = parts["AccessKey"];
    }

    public Uri Endpoint { get; }

    public string Sign(string audience, TimeSpan lifetime, string? group = null)
    {
        var payload = new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["exp"] = DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds(),
        };
        if (group is not null)
        {
            payload["webpubsub.group"] = new[] { group };
        }

        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(_accessKey), Encoding.ASCII.GetBytes(header + "." + body));
        return header + "." + body + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
