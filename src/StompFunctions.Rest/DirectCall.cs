using System.Globalization;
using Azure;
using Azure.Core;

namespace StompFunctions.Rest;

/// <summary>
/// One Azure REST call straight through the socket handler, tried as Azure.Core's pipeline would try it: each
/// attempt is a new request (so it can be signed afresh), bounded by <see cref="RetryOptions.NetworkTimeout"/>, and
/// tried again after network failures, the per-attempt timeout and the answers <see cref="DirectRetry"/> retries.
/// An <see cref="HttpMessageInvoker"/> rather than an <see cref="HttpClient"/>: the client's timeout makes a linked
/// cancellation source and a timer per request, where <see cref="AttemptTimeouts"/> reuses them.
/// The answer of the last attempt comes back read to the end, whatever its status, for the caller to accept or turn
/// into its service's <see cref="RequestFailedException"/>; a network failure on the last attempt is thrown as a
/// <see cref="RequestFailedException"/> with status 0, as the pipeline reports it. The caller's own cancellation is
/// never retried.
/// </summary>
internal sealed class DirectCall
{
    // One connection pool for every client in the process, as Azure.Core's shared transport has.
    private static readonly SocketsHttpHandler SharedHandler = new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private readonly HttpMessageInvoker _invoker;
    private readonly AttemptTimeouts _timeouts;
    private readonly DirectRetry _retry;

    /// <param name="retry">Retries, back-off and the network timeout of one attempt.</param>
    /// <param name="timeProvider">The clock a <c>Retry-After</c> date is compared with.</param>
    /// <param name="handler">The handler requests go through; the process-wide socket pool when omitted (tests pass a stub).</param>
    public DirectCall(RetryOptions retry, TimeProvider timeProvider, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(retry);
        _invoker = new HttpMessageInvoker(handler ?? SharedHandler, disposeHandler: false);
        _timeouts = new AttemptTimeouts(retry.NetworkTimeout);
        _retry = new DirectRetry(retry, timeProvider);
    }

    /// <summary>
    /// Sends the request <paramref name="attempt"/> makes from <paramref name="state"/>, once per attempt, and returns
    /// the first answer that is not to be retried (or the last one); the caller disposes it.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync<TState>(Func<TState, HttpRequestMessage> attempt, TState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var retry = 0; ; retry++)
        {
            HttpResponseMessage response;
            try
            {
                using var request = attempt(state);
                using var timeout = _timeouts.Start(cancellationToken);
                response = await _invoker.SendAsync(request, timeout.Token).ConfigureAwait(false);
                await ReadToEndAsync(response, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                if (retry >= _retry.MaxRetries)
                {
                    var failure = e is OperationCanceledException ? new TimeoutException(TimedOut(), e) : e;
                    throw new RequestFailedException(failure.Message, failure);
                }

                await Task.Delay(_retry.DelayBefore(retry + 1, null), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!DirectRetry.IsRetriable((int)response.StatusCode) || retry >= _retry.MaxRetries)
            {
                return response;
            }

            using (response)
            {
                await Task.Delay(_retry.DelayBefore(retry + 1, response), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The answer's content read within the attempt's time, as <see cref="HttpCompletionOption.ResponseContentRead"/> reads it; the answer is disposed if that fails.</summary>
    private static async Task ReadToEndAsync(HttpResponseMessage response, CancellationToken attemptToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(attemptToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private string TimedOut() =>
        string.Create(CultureInfo.InvariantCulture, $"No answer within the network timeout of {_timeouts.Timeout.TotalSeconds:0.###} s.");

    /// <summary>Network failures and the per-attempt timeout; never the caller's own cancellation.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
