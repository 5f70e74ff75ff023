using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StompFunctions.WebPubSub.Tests.Infrastructure;

/// <summary>
/// An OpenID Connect identity provider on loopback for tests: a key made here, its discovery document and JWKS
/// served in-process, and RS256 tokens signed with it (or, to test refusals, with a key it does not publish).
/// </summary>
internal sealed class LocalOidcIssuer : IAsyncDisposable
{
    public const string KeyId = "test-key";

    private readonly WebApplication _app;
    private readonly RSA _rsa;

    private LocalOidcIssuer(WebApplication app, RSA rsa, string authority)
    {
        _app = app;
        _rsa = rsa;
        Authority = authority;
    }

    /// <summary>The issuer URL (<c>http://127.0.0.1:port</c>), also the <c>iss</c> of its tokens.</summary>
    public string Authority { get; }

    public static async Task<LocalOidcIssuer> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var authority = "";
        app.MapGet("/.well-known/openid-configuration", () => Results.Text(
            $$"""{"issuer":"{{authority}}","jwks_uri":"{{authority}}/keys","id_token_signing_alg_values_supported":["RS256"]}""", "application/json"));
        app.MapGet("/keys", () =>
        {
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            var n = Base64UrlEncoder.Encode(parameters.Modulus);
            var e = Base64UrlEncoder.Encode(parameters.Exponent);
            return Results.Text($$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{KeyId}}","n":"{{n}}","e":"{{e}}"}]}""", "application/json");
        });
        await app.StartAsync();
        authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new LocalOidcIssuer(app, rsa, authority);
    }

    /// <summary>A signed token; every part can be made wrong on purpose.</summary>
    public string CreateToken(
        string audience,
        string? subject = "alice",
        IEnumerable<string>? roles = null,
        DateTime? expires = null,
        string? issuer = null,
        bool signWithUnpublishedKey = false)
    {
        var claims = new List<Claim>();
        if (subject is not null)
        {
            claims.Add(new Claim("sub", subject));
        }

        claims.AddRange((roles ?? []).Select(static role => new Claim("roles", role)));
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        using var other = signWithUnpublishedKey ? RSA.Create(2048) : null;
        var key = new RsaSecurityKey(other ?? _rsa) { KeyId = KeyId };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expiry.AddMinutes(-30),
            NotBefore = expiry.AddMinutes(-30),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
