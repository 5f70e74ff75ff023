using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StompFunctions.Emulator.Tests.Infrastructure;

/// <summary>
/// An event handler mapped into the emulator's own application at <c>/upstream/{event}</c> (the emulator calls it
/// over real HTTP): records every request and answers with <see cref="Reply"/>.
/// </summary>
internal sealed class RecordingUpstream
{
    private readonly Channel<RecordedRequest> _events = Channel.CreateUnbounded<RecordedRequest>();

    public ConcurrentQueue<RecordedRequest> Validations { get; } = new();

    /// <summary>The answer to each event; the default echoes messages as text and accepts everything else.</summary>
    public Func<RecordedRequest, Task<UpstreamReply>> Reply { get; set; } = DefaultReply;

    /// <summary>Whether the abuse-protection answer carries <c>WebHook-Allowed-Origin: *</c>.</summary>
    public bool AllowOrigin { get; set; } = true;

    public void Map(WebApplication app) =>
        app.MapMethods("/upstream/{event}", [HttpMethods.Options, HttpMethods.Post, HttpMethods.Get], HandleAsync);

    /// <summary>The next recorded event (not the validation probes), waiting at most 10 s.</summary>
    public async Task<RecordedRequest> NextAsync(string? eventName = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var next = await _events.Reader.ReadAsync(timeout.Token);
            if (eventName is null || next.Event == eventName)
            {
                return next;
            }
        }
    }

    public bool TryTake(out RecordedRequest request) => _events.Reader.TryRead(out request!);

    private async Task HandleAsync(HttpContext context)
    {
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(context.Request.Method, (string)context.Request.RouteValues["event"]!, headers, body.ToArray(), context.Request.ContentType, context.Connection.Id);
        if (HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsGet(context.Request.Method))
        {
            Validations.Enqueue(recorded);
            if (AllowOrigin)
            {
                context.Response.Headers["WebHook-Allowed-Origin"] = "*";
            }

            return;
        }

        _events.Writer.TryWrite(recorded);
        var reply = await Reply(recorded);
        context.Response.StatusCode = reply.Status;
        if (reply.State is not null)
        {
            context.Response.Headers["ce-connectionState"] = reply.State;
        }

        if (reply.ContentType is not null)
        {
            context.Response.ContentType = reply.ContentType;
        }

        if (reply.Body is not null)
        {
            await context.Response.Body.WriteAsync(reply.Body);
        }
    }

    private static Task<UpstreamReply> DefaultReply(RecordedRequest request) => Task.FromResult(request.Event switch
    {
        "message" => new UpstreamReply(200, request.ContentType, request.Body),
        _ => UpstreamReply.Ok,
    });
}
