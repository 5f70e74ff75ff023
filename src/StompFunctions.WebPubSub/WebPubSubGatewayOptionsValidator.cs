using Microsoft.Extensions.Options;

namespace StompFunctions.WebPubSub;

/// <summary>Checks the options at start-up, so a misconfigured app fails before its first event, naming the setting.</summary>
internal sealed class WebPubSubGatewayOptionsValidator : IValidateOptions<WebPubSubGatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, WebPubSubGatewayOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && !WebPubSubConnectionString.TryParse(options.ConnectionString, out _, out var error))
        {
            failures.Add("WebPubSub:ConnectionString is invalid: " + error);
        }
        else
        {
            var settings = WebPubSubSettings.From(options);
            if (settings.Endpoint is null)
            {
                failures.Add("Set WebPubSub:ConnectionString, or WebPubSub:Endpoint with WebPubSub:AccessKey or a Credential.");
            }
            else if (settings.AccessKey is null && options.Credential is null)
            {
                failures.Add("WebPubSub needs an AccessKey (in the connection string or WebPubSub:AccessKey) or a Credential to call the REST API.");
            }
        }

        if (!WebPubSubRestClient.IsValidHub(options.Hub))
        {
            failures.Add("WebPubSub:Hub must start with a letter and hold at most 128 letters, digits or _`,.[] characters.");
        }

        if (options.ClientTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("WebPubSub:ClientTokenLifetime must be positive.");
        }

        if (options.CloseAfterReplyDelay < TimeSpan.Zero || options.CloseAfterReplyDelay > TimeSpan.FromSeconds(30))
        {
            failures.Add("WebPubSub:CloseAfterReplyDelay must be between 0 and 30 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
