using StompFunctions.Emulator.Auth;

namespace StompFunctions.Emulator.Tests.Infrastructure;

/// <summary>Tokens signed the way the SDKs sign them, or deliberately wrong.</summary>
internal static class TestTokens
{
    public static string Client(Uri endpoint, string hub, string? userId = null, string[]? roles = null, string[]? groups = null, string key = WebPubSubEmulatorOptions.DevelopmentAccessKey, TimeSpan? lifetime = null) =>
        HmacJwt.Sign(key, writer =>
        {
            writer.WriteString("aud", new Uri(endpoint, "client/hubs/" + hub).AbsoluteUri);
            writer.WriteNumber("exp", DateTimeOffset.UtcNow.Add(lifetime ?? TimeSpan.FromHours(1)).ToUnixTimeSeconds());
            if (userId is not null)
            {
                writer.WriteString("sub", userId);
            }

            if (roles is not null)
            {
                writer.WriteStartArray("role");
                roles.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
            }

            if (groups is not null)
            {
                writer.WriteStartArray("webpubsub.group");
                groups.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
            }
        });

    public static string Rest(string audience, string key = WebPubSubEmulatorOptions.DevelopmentAccessKey, TimeSpan? lifetime = null) =>
        HmacJwt.Sign(key, writer =>
        {
            writer.WriteString("aud", audience);
            writer.WriteNumber("exp", DateTimeOffset.UtcNow.Add(lifetime ?? TimeSpan.FromMinutes(5)).ToUnixTimeSeconds());
        });
}
