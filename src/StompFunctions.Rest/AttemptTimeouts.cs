using System.Collections.Concurrent;

namespace StompFunctions.Rest;

/// <summary>
/// The cancellation that bounds one attempt of a direct call by its network timeout and by the caller's own token.
/// <see cref="HttpClient"/>'s timeout makes a linked source, its timer and a callback registration for every request;
/// here a source whose attempt ended in time is reset (<see cref="CancellationTokenSource.TryReset"/>, which keeps its
/// timer) and kept for the next attempt, so a steady stream of calls makes none. A source that fired (a timeout, or
/// the caller's cancellation) cannot be reset and is disposed; at most <see cref="MaxIdle"/> wait for reuse.
/// </summary>
/// <param name="timeout">The network timeout of one attempt; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
internal sealed class AttemptTimeouts(TimeSpan timeout)
{
    /// <summary>At most this many reset sources are kept (about as many as attempts in flight at once).</summary>
    public const int MaxIdle = 64;

    private readonly ConcurrentQueue<CancellationTokenSource> _idle = new();
    private int _idleCount;

    /// <summary>The network timeout of one attempt.</summary>
    public TimeSpan Timeout => timeout;

    /// <summary>Sources waiting for an attempt (tests).</summary>
    internal int IdleCount => Volatile.Read(ref _idleCount);

    /// <summary>Starts the clock of one attempt, linked to <paramref name="cancellationToken"/>; dispose it when the attempt ends.</summary>
    public Attempt Start(CancellationToken cancellationToken)
    {
        var source = Rent();
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(timeout);
        }

        var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source)
            : default;
        return new Attempt(this, source, link);
    }

    private CancellationTokenSource Rent()
    {
        while (_idle.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref _idleCount);
            if (!source.IsCancellationRequested)
            {
                return source;
            }

            // A timer that fired just as its source was reset: never hand that on.
            source.Dispose();
        }

        return new CancellationTokenSource();
    }

    private void Return(CancellationTokenSource source)
    {
        if (source.TryReset())
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        source.Dispose();
    }

    /// <summary>One attempt's cancellation: the token to pass on, and the end of the attempt when disposed.</summary>
    public readonly struct Attempt(AttemptTimeouts owner, CancellationTokenSource source, CancellationTokenRegistration link) : IDisposable
    {
        /// <summary>Cancelled when the attempt's time is up or the caller cancels.</summary>
        public CancellationToken Token => source.Token;

        /// <summary>Unlinks from the caller (waiting for a cancellation under way) and returns the source for reuse when it did not fire.</summary>
        public void Dispose()
        {
            link.Dispose();
            owner.Return(source);
        }
    }
}
