using System.Net;
using Azure.Core;

namespace StompFunctions.Rest.Tests;

/// <summary>How long a direct call waits before trying again: the service's word first, else the configured back-off.</summary>
public sealed class DirectRetryTests
{
    [Theory]
    [InlineData("retry-after-ms", "250", 250)]
    [InlineData("x-ms-retry-after-ms", "40", 40)]
    [InlineData("Retry-After", "2", 2000)]
    public void The_services_wait_wins_over_the_back_off(string header, string value, int milliseconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DirectRetry.ServerDelay(response, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void A_Retry_After_date_waits_until_then_and_the_back_off_is_fixed_or_capped_exponential()
    {
        var now = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(3));
        var fixedRetry = new DirectRetry(Options(RetryMode.Fixed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)), TimeProvider.System);
        var exponential = new DirectRetry(Options(RetryMode.Exponential, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)), TimeProvider.System);

        Assert.Equal(TimeSpan.FromSeconds(3), DirectRetry.ServerDelay(response, now));
        Assert.Equal(TimeSpan.FromSeconds(1), fixedRetry.DelayBefore(4, null));
        Assert.InRange(exponential.DelayBefore(2, null), TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.Equal(TimeSpan.FromSeconds(5), exponential.DelayBefore(10, null));
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(501, false)]
    [InlineData(505, false)]
    [InlineData(404, false)]
    [InlineData(412, false)]
    public void Only_timeouts_throttling_and_transient_server_errors_are_retried(int status, bool retried) =>
        Assert.Equal(retried, DirectRetry.IsRetriable(status));

    internal static RetryOptions Options(RetryMode mode, TimeSpan delay, TimeSpan maxDelay, int maxRetries = 3)
    {
        var options = new TestClientOptions().Retry;
        options.Mode = mode;
        options.Delay = delay;
        options.MaxDelay = maxDelay;
        options.MaxRetries = maxRetries;
        return options;
    }

    private sealed class TestClientOptions : ClientOptions;
}
