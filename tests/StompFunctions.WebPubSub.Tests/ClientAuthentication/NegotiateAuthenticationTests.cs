using System.Net;
using System.Text;
using StompFunctions.WebPubSub.ClientAuthentication;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.ClientAuthentication;

/// <summary>Negotiate closed by default: bearer JWTs from a local OpenID Connect issuer, the App Service principal, anonymous on purpose.</summary>
public sealed class NegotiateAuthenticationTests : IAsyncLifetime
{
    private const string Audience = "api://stomp-tests";

    private LocalOidcIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await LocalOidcIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    private Dictionary<string, string?> Bearer() => new()
    {
        ["ClientAuthentication:Authority"] = _issuer.Authority,
        ["ClientAuthentication:Audiences"] = "api://other, " + Audience,
    };

    [Fact]
    public async Task A_token_from_the_configured_issuer_gets_a_url_whose_token_carries_its_user_and_roles()
    {
        await using var app = await NegotiateApp.StartAsync(Bearer());

        using var response = await app.NegotiateAsync(_issuer.CreateToken(Audience, roles: ["orders", "webpubsub.sendToGroup", "orders"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = await NegotiateApp.TokenClaimsAsync(response);
        Assert.Equal("alice", claims.GetProperty("sub").GetString());
        Assert.Equal(["orders"], claims.GetProperty("role").EnumerateArray().Select(static r => r.GetString()));
    }

    public static TheoryData<string> Refusals => new() { "expired", "wrong audience", "wrong issuer", "bad signature", "malformed" };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_token_is_refused_with_401_and_a_body_saying_why(string defect)
    {
        await using var app = await NegotiateApp.StartAsync(Bearer());
        var (token, failure) = defect switch
        {
            "expired" => (_issuer.CreateToken(Audience, expires: DateTime.UtcNow.AddHours(-1)), ClientAuthenticationFailure.Expired),
            "wrong audience" => (_issuer.CreateToken("api://someone-else"), ClientAuthenticationFailure.WrongAudience),
            "wrong issuer" => (_issuer.CreateToken(Audience, issuer: "https://evil.example"), ClientAuthenticationFailure.WrongIssuer),
            "bad signature" => (_issuer.CreateToken(Audience, signWithUnpublishedKey: true), ClientAuthenticationFailure.BadSignature),
            _ => ("not.a-jwt", ClientAuthenticationFailure.Malformed),
        };

        using var response = await app.NegotiateAsync(token);

        await AssertRefusedAsync(response, failure);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_is_refused_with_401_and_a_bearer_challenge()
    {
        await using var app = await NegotiateApp.StartAsync(Bearer());

        using var response = await app.NegotiateAsync(token: null);

        await AssertRefusedAsync(response, ClientAuthenticationFailure.MissingCredential);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task With_nothing_configured_every_caller_is_refused_and_a_user_id_in_the_query_is_ignored()
    {
        await using var app = await NegotiateApp.StartAsync([]);

        using var response = await app.NegotiateAsync(token: null, query: "?userId=admin");

        await AssertRefusedAsync(response, ClientAuthenticationFailure.NotConfigured);
    }

    [Fact]
    public async Task A_token_without_the_user_id_claim_is_refused()
    {
        await using var app = await NegotiateApp.StartAsync(Bearer());

        using var response = await app.NegotiateAsync(_issuer.CreateToken(Audience, subject: null));

        await AssertRefusedAsync(response, ClientAuthenticationFailure.NoUserId);
    }

    [Fact]
    public async Task Anonymous_clients_only_when_the_setting_says_so_and_a_bad_token_is_still_refused()
    {
        var settings = Bearer();
        settings["ClientAuthentication:AllowAnonymous"] = "true";
        await using var app = await NegotiateApp.StartAsync(settings);

        using var anonymous = await app.NegotiateAsync(token: null, query: "?userId=admin");
        using var expired = await app.NegotiateAsync(_issuer.CreateToken(Audience, expires: DateTime.UtcNow.AddHours(-1)));

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.False((await NegotiateApp.TokenClaimsAsync(anonymous)).TryGetProperty("sub", out _));
        await AssertRefusedAsync(expired, ClientAuthenticationFailure.Expired);
    }

    [Fact]
    public async Task A_bearer_token_is_refused_when_no_authority_is_configured()
    {
        await using var app = await NegotiateApp.StartAsync(new() { ["ClientAuthentication:AllowAnonymous"] = "true" });

        using var response = await app.NegotiateAsync(_issuer.CreateToken(Audience));

        await AssertRefusedAsync(response, ClientAuthenticationFailure.BearerNotAccepted);
    }

    [Fact]
    public async Task The_App_Service_principal_is_trusted_only_when_the_platform_authentication_is_on()
    {
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","claims":[{"typ":"sub","val":"bob"},{"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"publisher"}]}"""));
        var on = new Dictionary<string, string?> { ["ClientAuthentication:AppServiceAuthentication"] = "true", ["WEBSITE_AUTH_ENABLED"] = "True" };
        var platformOff = new Dictionary<string, string?> { ["ClientAuthentication:AppServiceAuthentication"] = "true" };
        await using var trusted = await NegotiateApp.StartAsync(on);
        await using var untrusted = await NegotiateApp.StartAsync(platformOff);

        using var accepted = await trusted.NegotiateAsync(token: null, principal: principal);
        using var forged = await untrusted.NegotiateAsync(token: null, principal: principal);

        var claims = await NegotiateApp.TokenClaimsAsync(accepted);
        Assert.Equal("bob", claims.GetProperty("sub").GetString());
        Assert.Equal(["publisher"], claims.GetProperty("role").EnumerateArray().Select(static r => r.GetString()));
        await AssertRefusedAsync(forged, ClientAuthenticationFailure.NotConfigured);
    }

    [Fact]
    public async Task An_authority_without_an_audience_stops_the_app_at_start_up_naming_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => NegotiateApp.StartAsync(new() { ["ClientAuthentication:Authority"] = _issuer.Authority }));

        Assert.Contains("ClientAuthentication:Audiences", failure.Message, StringComparison.Ordinal);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, ClientAuthenticationFailure failure)
    {
        Assert.Equal((HttpStatusCode)ClientAuthenticationMessages.StatusCode(failure), response.StatusCode);
        Assert.Equal(ClientAuthenticationMessages.Message(failure), await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
