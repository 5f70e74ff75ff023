using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// Reads the <c>ClientAuthentication</c> section (app settings <c>ClientAuthentication__Authority</c>, …) before the
/// application's own configure delegates run. <c>Audiences</c> may be an array or one comma-separated value, as an
/// azd variable gives it. Also records whether App Service authentication is on (<c>WEBSITE_AUTH_ENABLED</c>).
/// </summary>
internal sealed class ClientAuthenticationOptionsSetup : IConfigureOptions<ClientAuthenticationOptions>
{
    private readonly IConfiguration? _configuration;

    public ClientAuthenticationOptionsSetup(IConfiguration? configuration = null) => _configuration = configuration;

    public void Configure(ClientAuthenticationOptions options)
    {
        if (_configuration is null)
        {
            return;
        }

        options.PlatformAuthenticationEnabled = string.Equals(_configuration["WEBSITE_AUTH_ENABLED"], "True", StringComparison.OrdinalIgnoreCase);
        var section = _configuration.GetSection(ClientAuthenticationOptions.SectionName);
        if (!section.Exists())
        {
            return;
        }

        section.Bind(options);
        if (section.GetSection(nameof(options.Audiences)).Value is { Length: > 0 } list)
        {
            options.Audiences = [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
    }
}
