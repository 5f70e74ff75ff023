using System.Text;
using System.Text.Json;
using StompFunctions.WebPubSub.Authentication;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.Authentication;

public sealed class AccessKeyJwtTests
{
    // A key that is valid base64: signing with its decoded bytes instead of its UTF-8 bytes would go unnoticed otherwise.
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Token_is_HS256_signed_with_the_utf8_bytes_of_the_key_not_its_base64_decoding()
    {
        var token = AccessKeyJwt.Create(Encoding.UTF8.GetBytes(Key), "https://a/api/x", Now, TimeSpan.FromMinutes(5));

        Assert.Equal("HS256", Jwt.Header(token).GetProperty("alg").GetString());
        Assert.Equal("JWT", Jwt.Header(token).GetProperty("typ").GetString());
        Assert.True(Jwt.HasValidSignature(token, Encoding.UTF8.GetBytes(Key)));
        Assert.False(Jwt.HasValidSignature(token, Convert.FromBase64String(Key)));
    }

    [Fact]
    public void Claims_carry_audience_lifetime_subject_roles_and_groups_and_omit_empty_ones()
    {
        var full = Jwt.Payload(AccessKeyJwt.Create(Encoding.UTF8.GetBytes(Key), "aud-1", Now, TimeSpan.FromMinutes(60), "user-1", ["r1", "r2"], ["g1"]));
        var bare = Jwt.Payload(AccessKeyJwt.Create(Encoding.UTF8.GetBytes(Key), "aud-2", Now, TimeSpan.FromMinutes(5), null, [], null));

        Assert.Equal("aud-1", full.GetProperty("aud").GetString());
        Assert.Equal(Now.ToUnixTimeSeconds(), full.GetProperty("iat").GetInt64());
        Assert.Equal(Now.ToUnixTimeSeconds(), full.GetProperty("nbf").GetInt64());
        Assert.Equal(Now.AddMinutes(60).ToUnixTimeSeconds(), full.GetProperty("exp").GetInt64());
        Assert.Equal("user-1", full.GetProperty("sub").GetString());
        Assert.Equal(["r1", "r2"], full.GetProperty("role").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["g1"], full.GetProperty("webpubsub.group").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["nbf", "exp", "iat", "aud"], bare.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Microsofts_jwt_library_accepts_our_token_for_its_audience_and_rejects_it_for_another()
    {
        var audience = "http://127.0.0.1:8080/api/hubs/stomp/groups/g/:send?api-version=2024-01-01";
        var token = AccessKeyJwt.Create(Encoding.UTF8.GetBytes(Key), audience, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        var accepted = await NodeRunner.RunAsync("jwt-verify.mjs", [], JsonSerializer.Serialize(new { token, key = Key, audience }));
        var rejected = await NodeRunner.RunAsync("jwt-verify.mjs", [], JsonSerializer.Serialize(new { token, key = Key, audience = audience + "x" }));

        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.NotEqual(0, rejected.ExitCode);
        Assert.Contains("audience", rejected.StandardError, StringComparison.OrdinalIgnoreCase);
    }
}
