using System.Collections.Concurrent;
using System.Net;

namespace StompFunctions.Rest.Tests;

/// <summary>An HTTP handler that answers from a script, one step per request, and records what it was sent.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps) : HttpMessageHandler
{
    private int _next;

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status, string? header = null, string? value = null) =>
        (_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("body") };
            if (header is not null)
            {
                response.Headers.TryAddWithoutValidation(header, value);
            }

            return Task.FromResult(response);
        };

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Throws(Exception e) => (_, _) => Task.FromException<HttpResponseMessage>(e);

    /// <summary>Never answers; only the caller's or the client's cancellation ends it.</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hangs() =>
        async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var step = Math.Min(Interlocked.Increment(ref _next) - 1, steps.Length - 1);
        return steps[step](request, cancellationToken);
    }
}
