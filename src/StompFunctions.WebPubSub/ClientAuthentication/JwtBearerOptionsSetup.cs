using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// Points negotiate's JwtBearer scheme at the configured authority and audiences. Claims keep their JWT names
/// (<c>sub</c>, <c>roles</c>), so the configured claim types mean what the token says. HTTPS metadata is required
/// except for a loopback authority (a local identity provider).
/// </summary>
internal sealed class JwtBearerOptionsSetup : IConfigureNamedOptions<JwtBearerOptions>
{
    private readonly IOptions<ClientAuthenticationOptions> _options;

    public JwtBearerOptionsSetup(IOptions<ClientAuthenticationOptions> options) => _options = options;

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == BearerTokenAuthentication.SchemeName)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        var settings = _options.Value;
        if (string.IsNullOrEmpty(settings.Authority))
        {
            return;
        }

        options.Authority = settings.Authority;
        options.RequireHttpsMetadata = !ClientAuthenticationOptionsValidator.IsLoopbackHttp(settings.Authority);
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidAudiences = [.. settings.Audiences];
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.RequireExpirationTime = true;
        options.TokenValidationParameters.NameClaimType = settings.UserIdClaim;
        options.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
    }
}
