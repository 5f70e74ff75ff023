using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;

namespace StompFunctions.WebPubSub.Publishing;

/// <summary>
/// Server-side publishing over HTTP: <c>POST /api/publish/topic/news</c> delivers the request body to every
/// subscriber of <c>/topic/news</c>, as a client SEND would. The request's <c>Content-Type</c> becomes the
/// message's <c>content-type</c>; each request header <c>stomp-NAME</c> becomes the message header <c>name</c>.
/// Answers 202 with <c>{"destination":…,"routes":n}</c>, or a 4xx/503 with a plain-text reason; it never throws
/// for bad input. An Azure Functions HTTP trigger (key-protected) calls <see cref="HandleAsync"/>.
/// </summary>
public sealed partial class StompPublishHandler
{
    /// <summary>Largest body accepted: Web PubSub's own limit for one message.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Request headers with this prefix become STOMP headers (prefix removed, name lower-cased).</summary>
    public const string HeaderPrefix = "stomp-";

    // Set by the broker for every MESSAGE; a publisher may not choose them.
    private static readonly string[] ReservedHeaders = ["destination", "message-id", "subscription", "ack", "content-length", "content-type", "receipt"];

    private readonly IStompPublisher _publisher;
    private readonly StompBrokerOptions _broker;
    private readonly ILogger _logger;

    /// <summary>Creates the handler over the engine's publish API, with the engine's default broker prefixes.</summary>
    public StompPublishHandler(IStompPublisher publisher, ILogger<StompPublishHandler> logger)
        : this(publisher, Options.Create(new StompBrokerOptions()), logger)
    {
    }

    /// <summary>Creates the handler over the engine's publish API and its options (the broker prefixes a SEND would use).</summary>
    public StompPublishHandler(IStompPublisher publisher, IOptions<StompBrokerOptions> broker, ILogger<StompPublishHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(broker);
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _broker = broker.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Publishes the request to <paramref name="destinationPath"/> (the part of the URL after the publish route,
    /// e.g. <c>topic/news</c>; a leading '/' is added when missing).
    /// </summary>
    public async Task HandleAsync(HttpContext context, string? destinationPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await AnswerAsync(context, PublishProblem.MethodNotAllowed).ConfigureAwait(false);
            return;
        }

        if (!TryDestination(destinationPath, out var destination, out var refusal)
            || !IsBrokerDestination(destination, out refusal)
            || !TryHeaders(request, out var headers, out refusal))
        {
            await AnswerAsync(context, refusal.Problem, refusal.Argument, refusal.Second).ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            await AnswerAsync(context, PublishProblem.TooLarge).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await AnswerAsync(context, PublishProblem.TooLarge).ConfigureAwait(false);
            return;
        }

        await PublishAsync(context, destination, body, headers).ConfigureAwait(false);
    }

    private async Task PublishAsync(HttpContext context, string destination, byte[] body, List<KeyValuePair<string, string>> headers)
    {
        int routes;
        try
        {
            routes = await _publisher.PublishAsync(destination, body, headers, context.RequestAborted).ConfigureAwait(false);
        }
        catch (StompStoreUnavailableException e)
        {
            Log.StoreUnavailable(_logger, e.Message);
            context.Response.Headers.RetryAfter = "5";
            await AnswerAsync(context, PublishProblem.StoreUnavailable).ConfigureAwait(false);
            return;
        }

        Log.Published(_logger, body.Length, routes);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("destination"u8, destination);
        json.WriteNumber("routes"u8, routes);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static bool TryDestination(string? path, out string destination, out Refusal refusal)
    {
        destination = string.IsNullOrEmpty(path) ? "" : path[0] == '/' ? path : "/" + path;
        refusal = default;
        if (destination.Length < 2)
        {
            refusal = new(PublishProblem.NoDestination);
            return false;
        }

        if (destination.AsSpan().ContainsAnyInRange('\0', '\x1f') || destination.Contains('\x7f', StringComparison.Ordinal))
        {
            refusal = new(PublishProblem.ControlCharacters);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The rule of a STOMP SEND without a handler: only broker destinations fan out. A SEND elsewhere is an ERROR
    /// (or a handler's business), so publishing there would reach nobody a client could have subscribed.
    /// </summary>
    private bool IsBrokerDestination(string destination, out Refusal refusal)
    {
        refusal = default;
        if (_broker.IsBrokerDestination(destination))
        {
            return true;
        }

        refusal = StompBrokerOptions.IsTopicPattern(destination)
            ? new(PublishProblem.Pattern, destination)
            : new(PublishProblem.NotBrokerDestination, destination, string.Join(" or ", _broker.BrokerPrefixes));
        return false;
    }

    private static bool TryHeaders(HttpRequest request, out List<KeyValuePair<string, string>> headers, out Refusal refusal)
    {
        headers = [];
        refusal = default;
        if (!string.IsNullOrEmpty(request.ContentType))
        {
            headers.Add(new("content-type", request.ContentType));
        }

        foreach (var (key, values) in request.Headers)
        {
            if (key.Length <= HeaderPrefix.Length || !key.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = key[HeaderPrefix.Length..].ToLowerInvariant();
            if (Array.IndexOf(ReservedHeaders, name) >= 0)
            {
                refusal = new(PublishProblem.ReservedHeader, name);
                return false;
            }

            headers.Add(new(name, values.ToString()));
        }

        return true;
    }

    /// <summary>Reads the whole body, or returns null once it exceeds <see cref="MaxBodyBytes"/> (chunked requests have no length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and <= MaxBodyBytes ? (int)request.ContentLength : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                return null;
            }
        }
    }

    private static Task AnswerAsync(HttpContext context, PublishProblem problem, string? argument = null, string? second = null)
    {
        context.Response.StatusCode = PublishProblems.Status(problem);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(PublishProblems.Message(problem, argument, second), context.RequestAborted);
    }

    /// <summary>A refusal found while reading the request, with the arguments of its message.</summary>
    private readonly record struct Refusal(PublishProblem Problem, string? Argument = null, string? Second = null);
}
