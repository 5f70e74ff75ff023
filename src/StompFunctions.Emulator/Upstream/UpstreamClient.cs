using System.Globalization;
using System.Net;
using System.Text;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Upstream;

/// <summary>
/// Delivers events to the hub's event handler over real HTTP, in CloudEvents binary mode with exactly
/// the headers of webpubsub-protocol.md §2.2. The handler URL may point back into this process.
/// </summary>
internal sealed partial class UpstreamClient : IDisposable
{
    // Microsoft's emulator treats connect answers over 16 MiB as failures; the same cap bounds memory here.
    private const int MaxAnswerBytes = 16 * 1024 * 1024;

    private readonly HttpMessageInvoker _http;
    private readonly HubRegistry _hubs;
    private readonly AbuseProtection _abuseProtection;
    private readonly EmulatorEndpoint _endpoint;
    private readonly TimeProvider _time;
    private readonly CloudEventClock _clock;
    private readonly ILogger<UpstreamClient> _logger;

    public UpstreamClient(HubRegistry hubs, AbuseProtection abuseProtection, EmulatorEndpoint endpoint, TimeProvider time, ILogger<UpstreamClient> logger)
    {
        _hubs = hubs;
        _abuseProtection = abuseProtection;
        _endpoint = endpoint;
        _time = time;
        _clock = new CloudEventClock(time);
        _logger = logger;
        // The handler itself, not an HttpClient around it: per-call timeouts come from the options (a client-wide one
        // would also cut the retries), and HttpClient would only add its own linked token and state per event.
        _http = new HttpMessageInvoker(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,
            UseCookies = false,

            // Only ce-userId may hold non-ASCII text, and only when the user-id encoding says so.
            RequestHeaderEncodingSelector = static (name, _) =>
                string.Equals(name, "ce-userId", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : null,
        });
    }

    /// <summary>True when some handler of the hub takes the event (used to decide before calling).</summary>
    public static bool HasHandler(EmulatorHubOptions hub, string eventName, bool isSystemEvent) =>
        EventHandlerSelector.Select(hub, eventName, isSystemEvent) is not null;

    public async Task<UpstreamResponse> SendAsync(EmulatorHubOptions hub, UpstreamEvent upstreamEvent, CancellationToken cancellationToken)
    {
        var handler = EventHandlerSelector.Select(hub, upstreamEvent.EventName, upstreamEvent.IsSystemEvent);
        if (handler is null)
        {
            return UpstreamResponse.NoHandler;
        }

        var url = UrlTemplate.Expand(handler.UrlTemplate, upstreamEvent.Hub, upstreamEvent.EventName);
        var validateUrl = UrlTemplate.Expand(handler.UrlTemplate, upstreamEvent.Hub, "validate");
        if (url is null || validateUrl is null)
        {
            Log.BadUrlTemplate(_logger, upstreamEvent.Hub);
            return UpstreamResponse.Unreachable;
        }

        if (!await _abuseProtection.EnsureValidatedAsync(_http, validateUrl, cancellationToken))
        {
            return UpstreamResponse.Unreachable;
        }

        var retryDelays = _hubs.Options.UpstreamRetryDelays;
        for (var attempt = 0; ; attempt++)
        {
            var response = await SendOnceAsync(url, upstreamEvent, cancellationToken);
            var retriable = response.Outcome == UpstreamOutcome.Unreachable
                || response.StatusCode is (int)HttpStatusCode.RequestTimeout or >= 500;
            if (!retriable || attempt >= retryDelays.Count)
            {
                return response;
            }

            await Task.Delay(retryDelays[attempt], _time, cancellationToken);
        }
    }

    private async Task<UpstreamResponse> SendOnceAsync(Uri url, UpstreamEvent upstreamEvent, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_hubs.Options.UpstreamTimeout);
        var userId = UserIdHeader(upstreamEvent.UserId);
        if (userId is { Length: 0 })
        {
            Log.UserIdNotCarried(_logger, upstreamEvent.EventName, upstreamEvent.ConnectionId);
            return UpstreamResponse.Unreachable;
        }

        using var request = CreateRequest(url, upstreamEvent, userId);
        try
        {
            // The handler answers once the headers are in; the body is read below, bounded.
            using var response = await _http.SendAsync(request, timeout.Token);
            var body = await ReadBodyAsync(response.Content, timeout.Token);
            if (body is null)
            {
                Log.AnswerTooLarge(_logger, upstreamEvent.EventName, upstreamEvent.ConnectionId);
                return UpstreamResponse.Unreachable;
            }

            // The service takes one ce-connectionState; with several, keep the last as Microsoft's emulator does.
            var hasState = response.Headers.TryGetValues("ce-connectionState", out var states);
            var state = hasState ? states!.Last() : null;
            Log.Delivered(_logger, upstreamEvent.EventName, upstreamEvent.ConnectionId, (int)response.StatusCode);
            return new UpstreamResponse(UpstreamOutcome.Answered, (int)response.StatusCode, hasState, state, response.Content.Headers.ContentType, body);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Network errors, timeouts, and header values HTTP cannot carry (a user id outside Latin-1, say) all
            // mean the event was not delivered; none of them may take the emulator down.
            Log.DeliveryFailed(_logger, upstreamEvent.EventName, upstreamEvent.ConnectionId, ex.Message);
            return UpstreamResponse.Unreachable;
        }
    }

    private HttpRequestMessage CreateRequest(Uri url, UpstreamEvent upstreamEvent, string? userId)
    {
        var options = _hubs.Options;
        var hub = options.LowercaseHubInEvents ? upstreamEvent.Hub.ToLowerInvariant() : upstreamEvent.Hub;
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ReadOnlyMemoryContent(upstreamEvent.Body),
        };

        // One of the emulator's own fixed media types: written as it is rather than parsed for every event.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", upstreamEvent.ContentType);

        var headers = request.Headers;
        headers.TryAddWithoutValidation("WebHook-Request-Origin", _endpoint.Origin());
        headers.TryAddWithoutValidation("ce-specversion", "1.0");
        headers.TryAddWithoutValidation("ce-awpsversion", "1.0");
        headers.TryAddWithoutValidation("ce-type", upstreamEvent.CloudEventType);
        headers.TryAddWithoutValidation("ce-source", "/hubs/" + hub + "/client/" + upstreamEvent.ConnectionId);
        headers.TryAddWithoutValidation("ce-id", upstreamEvent.EventId.ToString(CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation("ce-time", _clock.Now());
        headers.TryAddWithoutValidation("ce-hub", hub);
        headers.TryAddWithoutValidation("ce-connectionId", upstreamEvent.ConnectionId);
        headers.TryAddWithoutValidation("ce-eventName", upstreamEvent.EventName);
        headers.TryAddWithoutValidation("ce-signature", EventSignature.Compute(upstreamEvent.ConnectionId, options.AccessKey, options.SecondaryAccessKey));
        if (userId is not null)
        {
            headers.TryAddWithoutValidation("ce-userId", userId);
        }

        if (!string.IsNullOrEmpty(upstreamEvent.Subprotocol))
        {
            headers.TryAddWithoutValidation("ce-subprotocol", upstreamEvent.Subprotocol);
        }

        if (!string.IsNullOrEmpty(upstreamEvent.State))
        {
            headers.TryAddWithoutValidation("ce-connectionState", upstreamEvent.State);
        }

        return request;
    }

    /// <summary>The <c>ce-userId</c> value: null without a user, empty when the configured encoding cannot carry it.</summary>
    private string? UserIdHeader(string? userId) => string.IsNullOrEmpty(userId)
        ? null
        : _hubs.Options.UserIdHeaderEncoding switch
        {
            UserIdHeaderEncoding.Utf8 => CloudEventValueEncoder.HasControlCharacter(userId) ? string.Empty : userId,
            _ => CloudEventValueEncoder.PercentEncode(userId),
        };

    private static async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return await BoundedBody.ReadAsync(stream, content.Headers.ContentLength, MaxAnswerBytes, cancellationToken);
    }

    public void Dispose() => _http.Dispose();
}
