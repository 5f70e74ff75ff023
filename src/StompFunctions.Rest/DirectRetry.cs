using System.Globalization;
using Azure.Core;

namespace StompFunctions.Rest;

/// <summary>
/// When a direct call (<see cref="DirectCall"/>) tries again, by the rules of Azure.Core's retry policy and the
/// client's <see cref="RetryOptions"/>: 408, 429 and 5xx answers (except 501 and 505) and network failures are retried
/// up to <see cref="RetryOptions.MaxRetries"/> times; the wait is the service's (<c>retry-after-ms</c>,
/// <c>x-ms-retry-after-ms</c>, <c>Retry-After</c> in seconds or as a date) or else the configured back-off, fixed or
/// exponential with ±20 % jitter, capped at <see cref="RetryOptions.MaxDelay"/>.
/// </summary>
internal sealed class DirectRetry(RetryOptions options, TimeProvider timeProvider)
{
    public int MaxRetries => options.MaxRetries;

    public static bool IsRetriable(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first), after <paramref name="response"/> when there was one.</summary>
    public TimeSpan DelayBefore(int retry, HttpResponseMessage? response) =>
        (response is null ? null : ServerDelay(response, timeProvider.GetUtcNow())) ?? BackOff(retry);

    /// <summary>The wait the service asked for, if it asked.</summary>
    internal static TimeSpan? ServerDelay(HttpResponseMessage response, DateTimeOffset now)
    {
        foreach (var name in (ReadOnlySpan<string>)["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValues(name, out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
    }

    private TimeSpan BackOff(int retry)
    {
        if (options.Mode == RetryMode.Fixed)
        {
            return options.Delay;
        }

        var exponential = options.Delay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxDelay.TotalMilliseconds));
    }
}
