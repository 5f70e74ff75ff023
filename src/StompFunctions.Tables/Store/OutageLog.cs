namespace StompFunctions.Tables.Store;

/// <summary>
/// Decides which store failures are worth a log line, so an outage reads as a few lines instead of one per
/// frame: the first failure of each kind (status, error code, exception type) is reported, later ones of that
/// kind at most once per <see cref="Interval"/> with the count of those left out, and the first success after
/// failures is reported once with the outage's length and failure count. Thread-safe; the success path costs
/// one volatile read while storage is healthy.
/// </summary>
internal sealed class OutageLog(TimeProvider timeProvider)
{
    /// <summary>How often a failure kind that keeps happening is reported again.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, KindState> _kinds = new(StringComparer.Ordinal);
    private volatile bool _failing;
    private long _firstFailure;
    private int _failures;

    /// <summary>True when this failure is to be logged; <paramref name="leftOut"/> counts the ones of its kind not logged since.</summary>
    public bool ShouldReport(string kind, out int leftOut)
    {
        var now = timeProvider.GetTimestamp();
        lock (_gate)
        {
            if (!_failing)
            {
                _failing = true;
                _firstFailure = now;
                _failures = 0;
            }

            _failures++;
            if (_kinds.TryGetValue(kind, out var state) && timeProvider.GetElapsedTime(state.LastReported, now) < Interval)
            {
                _kinds[kind] = state with { LeftOut = state.LeftOut + 1 };
                leftOut = 0;
                return false;
            }

            leftOut = state?.LeftOut ?? 0;
            _kinds[kind] = new KindState(now, 0);
            return true;
        }
    }

    /// <summary>True exactly once after failures, at the first success: the outage's length and failed requests.</summary>
    public bool ShouldReportRecovery(out TimeSpan duration, out int failures)
    {
        duration = TimeSpan.Zero;
        failures = 0;
        if (!_failing)
        {
            return false;
        }

        lock (_gate)
        {
            if (!_failing)
            {
                return false;
            }

            _failing = false;
            duration = timeProvider.GetElapsedTime(_firstFailure);
            failures = _failures;
            _kinds.Clear();
            return true;
        }
    }

    private sealed record KindState(long LastReported, int LeftOut);
}
