using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StompFunctions.Broker.Ports;

namespace StompFunctions.EventGrid.Webhook;

/// <summary>
/// Event Grid's webhook delivery, for any ASP.NET Core host or an Azure Functions HTTP trigger: answers the
/// CloudEvents validation (<c>OPTIONS</c> with <c>WebHook-Request-Origin</c> → <c>WebHook-Allowed-Origin</c>) and the
/// Event Grid schema's <c>SubscriptionValidationEvent</c> (<c>{"validationResponse": …}</c>), then hands every
/// delivery in either schema to <see cref="EventGridIngress"/>. Never throws for bad input: 400 (unreadable, not
/// retried by Event Grid), 413, or 503 with <c>Retry-After</c> when the store or gateway fails (retried).
/// </summary>
public sealed partial class EventGridWebhookHandler
{
    /// <summary>Largest delivery accepted: Event Grid's own limit for one batch (1 MB).</summary>
    public const int MaxDeliveryBytes = 1024 * 1024;

    /// <summary>The origin Event Grid names in its validation request.</summary>
    public const string EventGridOrigin = "eventgrid.azure.net";

    private readonly EventGridIngress _ingress;
    private readonly HashSet<string> _allowedOrigins;
    private readonly bool _allowAnyOrigin;
    private readonly ILogger _logger;

    /// <summary>Creates the handler; normally resolved from DI after <c>AddStompEventGridIngress</c>.</summary>
    public EventGridWebhookHandler(EventGridIngress ingress, IOptions<EventGridRoutingOptions> options, ILogger<EventGridWebhookHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ingress = ingress ?? throw new ArgumentNullException(nameof(ingress));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var origins = options.Value.WebhookAllowedOrigins.Count > 0 ? options.Value.WebhookAllowedOrigins : [EventGridOrigin];
        _allowAnyOrigin = origins.Any(static o => o.Trim() == "*");
        _allowedOrigins = new HashSet<string>(origins.Select(static o => o.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Answers one webhook request completely (status, headers, body).</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method))
        {
            await AnswerValidationRequestAsync(context).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "OPTIONS, POST";
            await RefuseAsync(context, WebhookProblem.MethodNotAllowed).ConfigureAwait(false);
            return;
        }

        var delivery = request.ContentLength > MaxDeliveryBytes ? null : await ReadDeliveryAsync(request.BodyReader, context.RequestAborted).ConfigureAwait(false);
        if (delivery is null)
        {
            await RefuseAsync(context, WebhookProblem.TooLarge).ConfigureAwait(false);
            return;
        }

        if (SubscriptionValidation.TryGetCode(delivery, out var code))
        {
            Log.SubscriptionValidated(_logger);
            await WriteJsonAsync(context, json => json.WriteString("validationResponse"u8, code)).ConfigureAwait(false);
            return;
        }

        await PublishAsync(context, delivery).ConfigureAwait(false);
    }

    private async Task PublishAsync(HttpContext context, BinaryData delivery)
    {
        EventIngressResult result;
        try
        {
            result = await _ingress.PublishAsync(delivery, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StompStoreUnavailableException or RequestFailedException or HttpRequestException)
        {
            Log.Unavailable(_logger, e);
            context.Response.Headers.RetryAfter = "5";
            await RefuseAsync(context, WebhookProblem.Unavailable).ConfigureAwait(false);
            return;
        }

        if (result.Error is not null)
        {
            await RefuseAsync(context, WebhookProblem.Unreadable).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, json =>
        {
            json.WriteNumber("events"u8, result.Events);
            json.WriteNumber("messages"u8, result.Messages);
            json.WriteNumber("routes"u8, result.Routes);
            json.WriteNumber("dropped"u8, result.Dropped);
        }).ConfigureAwait(false);
    }

    private Task AnswerValidationRequestAsync(HttpContext context)
    {
        var origin = context.Request.Headers["WebHook-Request-Origin"].ToString().Trim();
        if (origin.Length == 0)
        {
            return RefuseAsync(context, WebhookProblem.MissingOrigin);
        }

        if (!_allowAnyOrigin && !_allowedOrigins.Contains(origin))
        {
            Log.OriginRefused(_logger);
            return RefuseAsync(context, WebhookProblem.OriginNotAllowed);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers["WebHook-Allowed-Origin"] = origin;
        context.Response.Headers["WebHook-Allowed-Rate"] = "*";
        return Task.CompletedTask;
    }

    /// <summary>The whole body, or null once it is past <see cref="MaxDeliveryBytes"/> (a chunked request has no length).</summary>
    private static async Task<BinaryData?> ReadDeliveryAsync(PipeReader body, CancellationToken cancellationToken)
    {
        // Each pass either completes, refuses, or asks for more than it has seen, so the body length bounds the loop.
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > MaxDeliveryBytes)
            {
                body.AdvanceTo(buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var bytes = buffer.ToArray();
                body.AdvanceTo(buffer.End);
                return BinaryData.FromBytes(bytes);
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        write(json);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext context, WebhookProblem problem)
    {
        context.Response.StatusCode = WebhookProblems.Status(problem);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(WebhookProblems.Message(problem), context.RequestAborted);
    }
}
