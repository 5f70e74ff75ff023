using System.Text;
using Azure;
using StompFunctions.WebPubSub.Authentication;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.Authentication;

public sealed class AccessKeyTokenCacheTests
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
    private const string Audience = "http://127.0.0.1:1/api/hubs/stomp/groups/room/:send?api-version=2024-01-01";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_same_url_reuses_its_token_during_the_first_half_of_its_lifetime_then_gets_a_new_one()
    {
        var clock = new ManualClock();
        var cache = new AccessKeyTokenCache(new AzureKeyCredential(Key), clock, Lifetime);

        var first = cache.AuthorizationFor(Audience);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Same(first, cache.AuthorizationFor(Audience));

        clock.Advance(TimeSpan.FromMinutes(1));
        var renewed = cache.AuthorizationFor(Audience);
        Assert.NotEqual(first, renewed);
        var payload = Jwt.Payload(renewed["Bearer ".Length..]);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), payload.GetProperty("iat").GetInt64());
        Assert.Equal(Audience, payload.GetProperty("aud").GetString());
    }

    [Fact]
    public void Each_url_gets_its_own_token()
    {
        var cache = new AccessKeyTokenCache(new AzureKeyCredential(Key), new ManualClock(), Lifetime);
        var other = Audience.Replace("/room/", "/other/", StringComparison.Ordinal);

        var token = cache.AuthorizationFor(other)["Bearer ".Length..];

        Assert.Equal(other, Jwt.Payload(token).GetProperty("aud").GetString());
        Assert.NotEqual(cache.AuthorizationFor(Audience), cache.AuthorizationFor(other));
    }

    [Fact]
    public void A_rotated_key_signs_the_next_request_at_once()
    {
        var credential = new AzureKeyCredential(Key);
        var cache = new AccessKeyTokenCache(credential, new ManualClock(), Lifetime);
        cache.AuthorizationFor(Audience);

        credential.Update("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210ZYXWVUTS");
        var token = cache.AuthorizationFor(Audience)["Bearer ".Length..];

        Assert.True(Jwt.HasValidSignature(token, Encoding.UTF8.GetBytes(credential.Key)));
    }

    [Fact]
    public void A_clock_set_back_never_reuses_a_token_from_the_future()
    {
        var clock = new ManualClock();
        var cache = new AccessKeyTokenCache(new AzureKeyCredential(Key), clock, Lifetime);
        var first = cache.AuthorizationFor(Audience);

        clock.Advance(TimeSpan.FromMinutes(-10));

        Assert.NotEqual(first, cache.AuthorizationFor(Audience));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
