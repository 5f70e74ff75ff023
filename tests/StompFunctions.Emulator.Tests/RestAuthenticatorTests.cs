using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StompFunctions.Emulator.Auth;
using StompFunctions.Emulator.Rest;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>
/// Data-plane authentication with remembered tokens: a token verified once is accepted again only while it is
/// unexpired, its key is still configured and its audience names the request's URL; the memory is bounded.
/// </summary>
public sealed class RestAuthenticatorTests
{
    private const string Origin = "http://127.0.0.1:5010";
    private const string SendPath = "/api/hubs/chat/groups/room/:send";
    private const string Query = "?api-version=2024-01-01";
    private const string OtherKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210ZYXWVU";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly WebPubSubEmulatorOptions _options = new();

    [Fact]
    public void A_remembered_token_is_refused_once_it_expires()
    {
        var authenticator = Authenticator();
        var token = Token(Origin + SendPath + Query, lifetime: TimeSpan.FromMinutes(1));

        var first = Authenticate(authenticator, SendPath + Query, token);
        var again = Authenticate(authenticator, SendPath + Query, token);
        _time.Advance(TimeSpan.FromMinutes(1) + _options.ClockSkew + TimeSpan.FromSeconds(1));
        var expired = Authenticate(authenticator, SendPath + Query, token);

        Assert.Equal((true, null), first);
        Assert.Equal((true, null), again);
        Assert.Equal((false, EmulatorError.RestTokenLifetime), expired);
    }

    [Fact]
    public void A_remembered_token_is_accepted_while_its_key_is_the_secondary_and_refused_once_the_key_is_removed()
    {
        var authenticator = Authenticator();
        var token = Token(Origin + SendPath + Query);

        var first = Authenticate(authenticator, SendPath + Query, token);
        _options.AccessKey = OtherKey;
        _options.SecondaryAccessKey = WebPubSubEmulatorOptions.DevelopmentAccessKey;
        var asSecondary = Authenticate(authenticator, SendPath + Query, token);
        _options.SecondaryAccessKey = null;
        var removed = Authenticate(authenticator, SendPath + Query, token);

        Assert.Equal((true, null), first);
        Assert.Equal((true, null), asSecondary);
        Assert.Equal((false, EmulatorError.RestTokenBadSignature), removed);
    }

    [Fact]
    public void A_remembered_token_is_refused_for_another_url_than_its_audience()
    {
        var authenticator = Authenticator();
        var token = Token(Origin + SendPath);

        var withQuery = Authenticate(authenticator, SendPath + Query, token);
        var otherGroup = Authenticate(authenticator, "/api/hubs/chat/groups/hall/:send" + Query, token);
        var otherQuery = Authenticate(authenticator, SendPath + "?api-version=2024-12-01", token);
        var trailingSlash = Authenticate(authenticator, SendPath + "/", token);

        Assert.Equal((true, null), withQuery);
        Assert.Equal((false, EmulatorError.RestTokenAudience), otherGroup);
        Assert.Equal((true, null), otherQuery);
        Assert.Equal((true, null), trailingSlash);
    }

    [Theory]
    [InlineData("/api/hubs/chat/groups/a%3Ab/:send", "/api/hubs/chat/groups/a:b/:send")]
    [InlineData("/api/hubs/chat/users/a:b/:send", "/API/hubs/chat/users/a%3Ab/%3Asend")]
    public void Audience_and_url_compare_url_decoded_and_case_insensitively(string audiencePath, string requestPath)
    {
        var authenticator = Authenticator();
        var token = Token(Origin + audiencePath);

        Assert.Equal((true, null), Authenticate(authenticator, requestPath + Query, token));
        Assert.Equal((true, null), Authenticate(authenticator, requestPath + Query, token));
    }

    [Fact]
    public void A_url_longer_than_the_stack_buffer_is_compared_as_well()
    {
        var authenticator = Authenticator();
        var path = "/api/hubs/chat/groups/" + new string('g', 1000) + "/:send";
        var token = Token(Origin + path + Query);

        Assert.Equal((true, null), Authenticate(authenticator, path + Query, token));
        Assert.Equal((false, EmulatorError.RestTokenAudience), Authenticate(authenticator, path + "x" + Query, token));
    }

    [Fact]
    public void Refused_tokens_are_not_remembered_and_the_remembered_ones_stay_bounded()
    {
        var authenticator = Authenticator();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal((false, EmulatorError.RestTokenBadSignature), Authenticate(authenticator, SendPath, Token(Origin + SendPath, OtherKey, TimeSpan.FromSeconds(60 + i))));
        }

        Assert.Equal(0, authenticator.RememberedTokens);
        for (var i = 0; i < VerifiedTokens.Capacity + 50; i++)
        {
            Assert.Equal((true, null), Authenticate(authenticator, SendPath, Token(Origin + SendPath, lifetime: TimeSpan.FromSeconds(60 + i))));
            Assert.InRange(authenticator.RememberedTokens, 1, VerifiedTokens.Capacity);
        }
    }

    private RestAuthenticator Authenticator() => new(Options.Create(_options), _time);

    private string Token(string audience, string key = WebPubSubEmulatorOptions.DevelopmentAccessKey, TimeSpan? lifetime = null) =>
        HmacJwt.Sign(key, writer =>
        {
            writer.WriteString("aud", audience);
            writer.WriteNumber("exp", _time.GetUtcNow().Add(lifetime ?? TimeSpan.FromMinutes(5)).ToUnixTimeSeconds());
        });

    private static (bool Ok, EmulatorError? Error) Authenticate(RestAuthenticator authenticator, string rawTarget, string token)
    {
        var context = RawTargetContext.For(rawTarget);
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(new Uri(Origin).Authority);
        context.Request.Headers.Authorization = "Bearer " + token;
        return authenticator.TryAuthenticate(context.Request, out var error) ? (true, null) : (false, error);
    }
}
