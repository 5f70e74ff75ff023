using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace StompFunctions.Emulator.Upstream;

/// <summary>
/// The CloudEvents abuse-protection handshake (webpubsub-protocol.md §2.4), done lazily before the first
/// delivery to a handler URL as Microsoft's emulator does: <c>OPTIONS</c> with <c>WebHook-Request-Origin</c>;
/// the handler must answer 2xx with <c>WebHook-Allowed-Origin</c> equal to <c>*</c> or our origin.
/// A pass is cached for <see cref="WebPubSubEmulatorOptions.AbuseProtectionCacheDuration"/>; a failure is not,
/// so a handler that comes up later is validated on the next event.
/// </summary>
internal sealed partial class AbuseProtection(
    IOptions<WebPubSubEmulatorOptions> options,
    EmulatorEndpoint endpoint,
    TimeProvider time,
    ILogger<AbuseProtection> logger)
{
    private static readonly TimeSpan ValidationTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _validUntil = new(StringComparer.Ordinal);

    public async Task<bool> EnsureValidatedAsync(HttpMessageInvoker http, Uri validateUrl, CancellationToken cancellationToken)
    {
        var key = validateUrl.AbsoluteUri;
        if (_validUntil.TryGetValue(key, out var until) && until > time.GetUtcNow())
        {
            return true;
        }

        var origin = endpoint.Origin();
        var passed = await ProbeAsync(http, HttpMethod.Options, validateUrl, origin, cancellationToken) switch
        {
            ProbeResult.Passed => true,
            // Microsoft's emulator retries with GET when a handler does not route OPTIONS.
            ProbeResult.NotFound => await ProbeAsync(http, HttpMethod.Get, validateUrl, origin, cancellationToken) == ProbeResult.Passed,
            _ => false,
        };

        if (passed)
        {
            _validUntil[key] = time.GetUtcNow() + options.Value.AbuseProtectionCacheDuration;
            Log.AbuseProtectionPassed(logger, validateUrl);
        }

        return passed;
    }

    private async Task<ProbeResult> ProbeAsync(HttpMessageInvoker http, HttpMethod method, Uri url, string origin, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ValidationTimeout);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("WebHook-Request-Origin", origin);
        request.Headers.TryAddWithoutValidation("ce-awpsversion", "1.0");
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                return ProbeResult.NotFound;
            }

            if (!response.IsSuccessStatusCode)
            {
                Log.AbuseProtectionRejected(logger, url, (int)response.StatusCode);
                return ProbeResult.Failed;
            }

            if (!AllowsOrigin(response, origin))
            {
                Log.AbuseProtectionMissingAllowedOrigin(logger, url);
                return ProbeResult.Failed;
            }

            return ProbeResult.Passed;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.AbuseProtectionUnreachable(logger, url, ex.Message);
            return ProbeResult.Failed;
        }
    }

    private static bool AllowsOrigin(HttpResponseMessage response, string origin)
    {
        if (!response.Headers.TryGetValues("WebHook-Allowed-Origin", out var values))
        {
            return false;
        }

        // Several header instances or a comma-separated list (the JS SDK writes one instance per allowed host).
        foreach (var value in values)
        {
            foreach (var item in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (item == "*" || string.Equals(item, origin, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private enum ProbeResult
    {
        Passed,
        NotFound,
        Failed,
    }
}
