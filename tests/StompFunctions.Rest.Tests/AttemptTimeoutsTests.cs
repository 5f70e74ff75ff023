namespace StompFunctions.Rest.Tests;

public sealed class AttemptTimeoutsTests
{
    [Fact]
    public void An_attempt_that_ended_in_time_leaves_its_source_for_the_next()
    {
        var timeouts = new AttemptTimeouts(TimeSpan.FromSeconds(10));
        CancellationToken first;
        using (var attempt = timeouts.Start(CancellationToken.None))
        {
            first = attempt.Token;
        }

        Assert.Equal(1, timeouts.IdleCount);
        using var next = timeouts.Start(CancellationToken.None);
        Assert.Equal(first, next.Token);
        Assert.False(next.Token.IsCancellationRequested);
        Assert.Equal(0, timeouts.IdleCount);
    }

    [Fact]
    public async Task An_attempt_past_its_time_is_cancelled_and_its_source_is_not_reused()
    {
        var timeouts = new AttemptTimeouts(TimeSpan.FromMilliseconds(20));
        CancellationToken fired;
        using (var attempt = timeouts.Start(CancellationToken.None))
        {
            fired = attempt.Token;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(10), attempt.Token));
        }

        Assert.Equal(0, timeouts.IdleCount);
        using var next = timeouts.Start(CancellationToken.None);
        Assert.NotEqual(fired, next.Token);
        Assert.False(next.Token.IsCancellationRequested);
    }

    [Fact]
    public void The_callers_cancellation_cancels_the_attempt_and_is_unlinked_after_it()
    {
        var timeouts = new AttemptTimeouts(Timeout.InfiniteTimeSpan);
        using var caller = new CancellationTokenSource();
        using (var attempt = timeouts.Start(caller.Token))
        {
            caller.Cancel();
            Assert.True(attempt.Token.IsCancellationRequested);
        }

        using var later = new CancellationTokenSource();
        CancellationToken reused;
        using (var attempt = timeouts.Start(later.Token))
        {
            reused = attempt.Token;
        }

        later.Cancel();
        Assert.False(reused.IsCancellationRequested);
        Assert.Equal(1, timeouts.IdleCount);
    }

    [Fact]
    public void At_most_MaxIdle_sources_wait_for_reuse()
    {
        var timeouts = new AttemptTimeouts(TimeSpan.FromSeconds(10));
        var attempts = Enumerable.Range(0, AttemptTimeouts.MaxIdle + 10).Select(_ => timeouts.Start(CancellationToken.None)).ToList();
        Assert.Equal(AttemptTimeouts.MaxIdle + 10, attempts.Select(a => a.Token).Distinct().Count());

        attempts.ForEach(a => a.Dispose());

        Assert.Equal(AttemptTimeouts.MaxIdle, timeouts.IdleCount);
    }
}
