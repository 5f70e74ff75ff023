using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Recovery;

/// <summary>
/// The store generation as this instance last read it (<see cref="IStompStateStore.GetGenerationAsync"/>), trusted for one
/// interval (<see cref="StompBrokerOptions.StoreGenerationCheckMilliseconds"/>): however many frames arrive, an instance reads
/// it once per interval, so the SEND path stays one store request. A generation that gave way to a newer one is superseded:
/// connections still stamped with it that send nothing are told after <see cref="Grace"/> (<see cref="TakeDueNotices"/>).
/// Thread-safe, one per engine; a failed read is not retried before the interval ends either.
/// </summary>
internal sealed class StoreGenerationWatch(IStompStateStore store, TimeProvider time, TimeSpan interval)
{
    // Superseded generations kept to recognise stale stamps; each store reset adds one.
    private const int SupersededKept = 64;

    private readonly Lock _lock = new();
    private readonly List<(string Generation, DateTimeOffset Due)> _pending = [];
    private readonly Queue<string> _superseded = new();

    // Read without the lock on every frame: written under it, the value before the time it is good until.
    private string? _current;
    private long _readAgainAtTicks;
    private int _pendingCount;
    private Task<string?>? _refresh;

    /// <summary>How long connections of a superseded generation have to restore themselves with a frame before they are told.</summary>
    public TimeSpan Grace => interval * 2;

    /// <summary>Whether a notice is waiting (due or not): only then is anything but the cached value looked at.</summary>
    public bool HasPendingNotices => Volatile.Read(ref _pendingCount) > 0;

    /// <summary>The current generation if this instance read it within the interval (no store request), else null.</summary>
    public string? Fresh =>
        time.GetUtcNow().UtcTicks < Volatile.Read(ref _readAgainAtTicks) ? Volatile.Read(ref _current) : null;

    /// <summary>
    /// The current generation: the cached one within the interval, else one store read shared by every frame that asks
    /// meanwhile (so an expiry under load is still one request). Null when it was never read.
    /// </summary>
    public ValueTask<string?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh is { } fresh)
        {
            return new ValueTask<string?>(fresh);
        }

        Task<string?> refresh;
        lock (_lock)
        {
            if (_refresh is { IsCompleted: true })
            {
                _refresh = null;
            }

            // Not bound to this caller's token: others wait on the same read, which the store's own timeouts bound.
            refresh = _refresh ??= ReadAsync(CancellationToken.None);
        }

        return new ValueTask<string?>(refresh.WaitAsync(cancellationToken));
    }

    /// <summary>Reads the generation now, whatever the cache says; on failure the last known one (null if none).</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        string? read = null;
        try
        {
            read = await store.GetGenerationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StompStoreUnavailableException)
        {
            // The store logs its outage itself, and frames that need it get their ERROR; the next interval tries again.
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            var before = _current;
            if (read is not null)
            {
                Volatile.Write(ref _current, read);
                if (before is not null)
                {
                    SupersedeLocked(before, now);
                }
            }

            Volatile.Write(ref _readAgainAtTicks, (now + interval).UtcTicks);
            return read ?? before;
        }
    }

    /// <summary>Whether <paramref name="generation"/> is known to have given way to a newer one.</summary>
    public bool IsSuperseded(string generation)
    {
        lock (_lock)
        {
            return _superseded.Contains(generation);
        }
    }

    /// <summary>Records that <paramref name="generation"/> gave way (a connection stamped with it was found stale).</summary>
    public void Supersede(string generation)
    {
        lock (_lock)
        {
            SupersedeLocked(generation, time.GetUtcNow());
        }
    }

    /// <summary>The superseded generations whose grace ended, each returned once.</summary>
    public IReadOnlyList<string> TakeDueNotices()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            List<string>? due = null;
            for (var i = _pending.Count - 1; i >= 0; i--)
            {
                if (_pending[i].Due <= now)
                {
                    (due ??= []).Add(_pending[i].Generation);
                    _pending.RemoveAt(i);
                    Volatile.Write(ref _pendingCount, _pending.Count);
                }
            }

            return due is null ? [] : due;
        }
    }

    /// <summary>Puts a notice back after it could not be sent; it is tried again one interval later.</summary>
    public void Retry(string generation)
    {
        lock (_lock)
        {
            _pending.Add((generation, time.GetUtcNow() + interval));
            Volatile.Write(ref _pendingCount, _pending.Count);
        }
    }

    private void SupersedeLocked(string generation, DateTimeOffset now)
    {
        // The current generation is never superseded; a known one only once.
        if (string.Equals(generation, _current, StringComparison.Ordinal) || _superseded.Contains(generation))
        {
            return;
        }

        _superseded.Enqueue(generation);
        if (_superseded.Count > SupersededKept)
        {
            _superseded.Dequeue();
        }

        _pending.Add((generation, now + Grace));
        Volatile.Write(ref _pendingCount, _pending.Count);
    }
}
