using System.Net;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core.Pipeline;
using StompFunctions.Rest;
using StompFunctions.WebPubSub.Authentication;

namespace StompFunctions.WebPubSub.Sending;

/// <summary>
/// The per-message REST calls (a send to a group or to one connection) straight through <see cref="HttpClient"/>,
/// signed with the access key. Azure.Core's pipeline cost a published message about a quarter of the local stack's CPU
/// (docs/benchmarks.md, "Sends without the pipeline"); this path does for these two calls what the pipeline did: a
/// token for the full URL on every attempt, a client request id, the network timeout per attempt, retries as
/// <see cref="DirectCall"/> makes them, and <see cref="RequestFailedException"/> with status and error code on failure.
/// Used only where nothing of the pipeline could be missed (<see cref="Applies"/>).
/// </summary>
internal sealed class DirectSender
{
    private const string ErrorCodeHeader = "x-ms-error-code";
    private const int MaxErrorContentChars = 4096;

    private readonly DirectCall _call;
    private readonly AccessKeyTokenCache _tokens;

    /// <param name="tokens">The client's access-key tokens, shared with its pipeline's policy.</param>
    /// <param name="options">The client's options: retries and the network timeout.</param>
    public DirectSender(AccessKeyTokenCache tokens, WebPubSubRestClientOptions options)
    {
        _call = new DirectCall(options.Retry, options.TimeProvider);
        _tokens = tokens;
    }

    /// <summary>
    /// Whether sends may skip the pipeline: signed with the access key, on the default transport (an application's
    /// transport, a test's included, sees every call), with no SDK logging, tracing or telemetry asked for, and not
    /// turned off by <see cref="WebPubSubRestClientOptions.SendsThroughPipeline"/> (policies added to the options).
    /// </summary>
    public static bool Applies(AzureKeyCredential? key, WebPubSubRestClientOptions options) =>
        key is not null
        && !options.SendsThroughPipeline
        && ReferenceEquals(options.Transport, HttpClientTransport.Shared)
        && !options.Diagnostics.IsLoggingEnabled
        && !options.Diagnostics.IsDistributedTracingEnabled
        && !options.Diagnostics.IsTelemetryEnabled;

    /// <summary>POSTs <paramref name="content"/> to <paramref name="uri"/> (a <c>:send</c> URL) until it is accepted (202) or fails.</summary>
    public async Task<Response> SendAsync(Uri uri, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var clientRequestId = RandomIds.NewGuid().ToString();
        var attempt = (Sender: this, Uri: uri, Content: content, ContentType: contentType, ClientRequestId: clientRequestId);
        var response = await _call.SendAsync(static a => a.Sender.Attempt(a.Uri, a.Content, a.ContentType, a.ClientRequestId), attempt, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return new DirectResponse(response, clientRequestId);
        }

        using (response)
        {
            throw await FailureAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt: a token for the full URL (fresh per attempt, as the pipeline's policy signs each), the same request id.</summary>
    private HttpRequestMessage Attempt(Uri uri, ReadOnlyMemory<byte> content, string contentType, string clientRequestId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(content) };
        request.Headers.TryAddWithoutValidation("Authorization", _tokens.AuthorizationFor(uri.AbsoluteUri));
        request.Headers.TryAddWithoutValidation("x-ms-client-request-id", clientRequestId);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return request;
    }

    private static async Task<RequestFailedException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var code = response.Headers.TryGetValues(ErrorCodeHeader, out var codes) ? codes.FirstOrDefault() : CodeInBody(content);
        var message = new StringBuilder("Service request failed.\n")
            .Append("Status: ").Append((int)response.StatusCode).Append(" (").Append(response.ReasonPhrase).Append(")\n");
        if (code is not null)
        {
            message.Append("ErrorCode: ").Append(code).Append('\n');
        }

        if (content.Length > 0)
        {
            message.Append("\nContent:\n").Append(content.Length > MaxErrorContentChars ? content[..MaxErrorContentChars] : content);
        }

        return new RequestFailedException((int)response.StatusCode, message.ToString(), code, innerException: null);
    }

    /// <summary>The service's error body is <c>{"code":…,"message":…}</c>; anything else has no code.</summary>
    private static string? CodeInBody(string content)
    {
        try
        {
            using var body = JsonDocument.Parse(content);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
