using Azure;
using Azure.Core;

namespace StompFunctions.Rest;

/// <summary>
/// One Azure REST call straight through <see cref="HttpClient"/>, tried as Azure.Core's pipeline would try it: each
/// attempt is a new request (so it can be signed afresh), bounded by <see cref="RetryOptions.NetworkTimeout"/>, and
/// tried again after network failures, the per-attempt timeout and the answers <see cref="DirectRetry"/> retries.
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

    private readonly HttpClient _client;
    private readonly DirectRetry _retry;

    /// <param name="retry">Retries, back-off and the network timeout of one attempt.</param>
    /// <param name="timeProvider">The clock a <c>Retry-After</c> date is compared with.</param>
    /// <param name="handler">The handler requests go through; the process-wide socket pool when omitted (tests pass a stub).</param>
    public DirectCall(RetryOptions retry, TimeProvider timeProvider, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(retry);
        _client = new HttpClient(handler ?? SharedHandler, disposeHandler: false) { Timeout = retry.NetworkTimeout };
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
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                if (retry >= _retry.MaxRetries)
                {
                    throw new RequestFailedException(e.Message, e);
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

    /// <summary>Network failures and the per-attempt timeout; never the caller's own cancellation.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
