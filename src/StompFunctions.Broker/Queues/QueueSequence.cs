using System.Globalization;

namespace StompFunctions.Broker.Queues;

/// <summary>
/// Makes the sequences that order a queue: 14 hex digits of Unix microseconds, then a tag of this process,
/// so sequences sort by time and never collide between instances. A sequence is never below the caller's
/// previous one (<c>after</c>, carried in the publisher's session), so one publisher's messages keep their
/// order even when consecutive SENDs run on instances whose clocks disagree; nor below this process's last.
/// </summary>
public sealed class QueueSequence
{
    private const int TimeDigits = 14;
    private const int MaxTagChars = 8;

    private readonly TimeProvider _time;
    private readonly string _tag;
    private long _last;

    public QueueSequence(TimeProvider time, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        var tag = new string([.. instanceId.Where(char.IsAsciiLetterOrDigit).Take(MaxTagChars)]).ToLowerInvariant();
        _tag = tag.Length == 0 ? "0" : tag;
    }

    /// <summary>A new sequence, above <paramref name="after"/> (when it is one) and above this process's last one.</summary>
    public string Next(string? after = null)
    {
        var value = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        if (after is not null && TryReadTime(after, out var floor))
        {
            value = Math.Max(value, floor + 1);
        }

        long last;
        long next;
        do
        {
            last = Interlocked.Read(ref _last);
            next = Math.Max(value, last + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);

        return string.Concat(next.ToString("x14", CultureInfo.InvariantCulture), _tag);
    }

    /// <summary>Whether a value has the shape of a sequence (an ACK's message id is checked before it names a row).</summary>
    public static bool IsSequence(string value) =>
        value.Length > TimeDigits && value.Length <= TimeDigits + MaxTagChars && value.All(char.IsAsciiLetterOrDigit) && TryReadTime(value, out _);

    private static bool TryReadTime(string sequence, out long time) =>
        long.TryParse(sequence.AsSpan(0, Math.Min(TimeDigits, sequence.Length)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out time)
        && sequence.Length >= TimeDigits;
}
