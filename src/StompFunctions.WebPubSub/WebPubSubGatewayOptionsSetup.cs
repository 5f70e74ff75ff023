using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace StompFunctions.WebPubSub;

/// <summary>
/// Reads the <c>WebPubSub</c> configuration section (app settings <c>WebPubSub__Endpoint</c>, <c>WebPubSub__Hub</c>, …)
/// before the application's own configure delegate runs. Only the plain settings are read; credentials and hooks
/// are code.
/// </summary>
internal sealed class WebPubSubGatewayOptionsSetup : IConfigureOptions<WebPubSubGatewayOptions>
{
    private readonly IConfiguration? _configuration;

    public WebPubSubGatewayOptionsSetup(IConfiguration? configuration = null) => _configuration = configuration;

    public void Configure(WebPubSubGatewayOptions options)
    {
        var section = _configuration?.GetSection(WebPubSubGatewayOptions.SectionName);
        if (section is null || !section.Exists())
        {
            return;
        }

        options.ConnectionString = section["ConnectionString"] ?? options.ConnectionString;
        if (section["Endpoint"] is { Length: > 0 } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            options.Endpoint = uri;
        }

        options.AccessKey = section["AccessKey"] ?? options.AccessKey;
        options.SecondaryAccessKey = section["SecondaryAccessKey"] ?? options.SecondaryAccessKey;
        options.Hub = section["Hub"] is { Length: > 0 } hub ? hub : options.Hub;
        if (bool.TryParse(section["DisableSignatureValidation"], out var disable))
        {
            options.DisableSignatureValidation = disable;
        }

        // Either an array section (AllowedOrigins:0, :1…) or one comma-separated value.
        var origins = section.GetSection("AllowedOrigins");
        var values = origins.Value is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : origins.GetChildren().Select(static c => c.Value).OfType<string>().ToArray();
        if (values.Length > 0)
        {
            options.AllowedOrigins = [.. values];
        }

        if (Enum.TryParse<UserIdHeaderFormat>(section["UserIdHeaderFormat"], ignoreCase: true, out var userIdFormat) && Enum.IsDefined(userIdFormat))
        {
            options.UserIdHeaderFormat = userIdFormat;
        }

        if (TimeSpan.TryParse(section["ClientTokenLifetime"], CultureInfo.InvariantCulture, out var lifetime))
        {
            options.ClientTokenLifetime = lifetime;
        }
    }
}
