using Microsoft.Extensions.Options;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>Refuses client authentication settings that could not work, at start-up, naming the setting.</summary>
internal sealed class ClientAuthenticationOptionsValidator : IValidateOptions<ClientAuthenticationOptions>
{
    private const string Section = ClientAuthenticationOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ClientAuthenticationOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Authority))
        {
            if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !IsLoopbackHttp(options.Authority)))
            {
                failures.Add($"{Section}:Authority must be an https URL (http only on loopback), e.g. https://login.microsoftonline.com/<tenant-id>/v2.0.");
            }

            if (options.Audiences.Count == 0 || options.Audiences.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{Section}:Audiences must name the token audience (aud) this app accepts, e.g. its client id or api:// URI.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.UserIdClaim))
        {
            failures.Add($"{Section}:UserIdClaim must name a claim (default sub).");
        }

        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            failures.Add($"{Section}:RoleClaim must name a claim (default roles).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether <paramref name="url"/> is plain HTTP to this machine (a local identity provider in tests and development).</summary>
    public static bool IsLoopbackHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
}
