using System.Net;
using Azure;
using Azure.Core;

namespace StompFunctions.Rest.Tests;

/// <summary>A direct call tries again where Azure.Core's pipeline would, and no further.</summary>
public sealed class DirectCallTests
{
    private static readonly Uri Target = new("http://127.0.0.1:9/resource");

    [Fact]
    public async Task A_transient_answer_is_tried_again_with_a_new_request_until_one_is_final()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.Status(HttpStatusCode.TooManyRequests, "retry-after-ms", "1"), ScriptedHandler.Status(HttpStatusCode.OK));
        var made = 0;

        using var response = await Call(handler, maxRetries: 3).SendAsync(_ => { made++; return new HttpRequestMessage(HttpMethod.Get, Target); }, 0, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, made);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, handler.Requests.Distinct().Count());
    }

    [Fact]
    public async Task The_last_transient_answer_is_returned_for_the_caller_to_report()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable));

        using var response = await Call(handler, maxRetries: 2).SendAsync(_ => new HttpRequestMessage(HttpMethod.Get, Target), 0, CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task A_final_refusal_is_returned_at_once(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(status));

        using var response = await Call(handler, maxRetries: 3).SendAsync(_ => new HttpRequestMessage(HttpMethod.Get, Target), 0, CancellationToken.None);

        Assert.Equal(status, response.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_network_failure_on_every_attempt_surfaces_as_RequestFailedException_with_status_0()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throws(new HttpRequestException("refused")));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => Call(handler, maxRetries: 1).SendAsync(_ => new HttpRequestMessage(HttpMethod.Get, Target), 0, CancellationToken.None));

        Assert.Equal(0, failure.Status);
        Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_past_the_network_timeout_is_abandoned_and_tried_again()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Hangs(), ScriptedHandler.Status(HttpStatusCode.NoContent));
        var call = new DirectCall(Options(maxRetries: 1, networkTimeout: TimeSpan.FromMilliseconds(100)), TimeProvider.System, handler);

        using var response = await call.SendAsync(_ => new HttpRequestMessage(HttpMethod.Get, Target), 0, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_last_attempt_past_the_network_timeout_fails_as_a_timeout()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Hangs());
        var call = new DirectCall(Options(maxRetries: 1, networkTimeout: TimeSpan.FromMilliseconds(50)), TimeProvider.System, handler);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => call.SendAsync(_ => new HttpRequestMessage(HttpMethod.Get, Target), 0, CancellationToken.None));

        Assert.Equal(0, failure.Status);
        Assert.IsType<TimeoutException>(failure.InnerException);
        Assert.Contains("0.05 s", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task An_answer_is_read_to_the_end_within_the_attempts_time()
    {
        var handler = new ScriptedHandler(
            (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StalledStream()) }),
            ScriptedHandler.Status(HttpStatusCode.OK));
        var call = new DirectCall(Options(maxRetries: 1, networkTimeout: TimeSpan.FromMilliseconds(100)), TimeProvider.System, handler);

        using var response = await call.SendAsync(_ => new HttpRequestMessage(HttpMethod.Get, Target), 0, CancellationToken.None);

        Assert.Equal("body", await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_is_never_retried()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Hangs());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Call(handler, maxRetries: 3).SendAsync(_ => new HttpRequestMessage(HttpMethod.Get, Target), 0, cancellation.Token));

        Assert.Single(handler.Requests);
    }

    private static DirectCall Call(ScriptedHandler handler, int maxRetries) => new(Options(maxRetries, TimeSpan.FromSeconds(10)), TimeProvider.System, handler);

    private static RetryOptions Options(int maxRetries, TimeSpan networkTimeout)
    {
        var options = DirectRetryTests.Options(RetryMode.Fixed, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10), maxRetries);
        options.NetworkTimeout = networkTimeout;
        return options;
    }

    /// <summary>A body whose headers came but whose bytes never do.</summary>
    private sealed class StalledStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
