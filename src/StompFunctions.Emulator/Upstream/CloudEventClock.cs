using System.Globalization;

namespace StompFunctions.Emulator.Upstream;

/// <summary>
/// The <c>ce-time</c> value, UTC to the second (<c>2024-01-01T12:00:00Z</c>). Every event of a second carries the
/// same text, so it is formatted once per second and kept with the second it names.
/// </summary>
internal sealed class CloudEventClock(TimeProvider time)
{
    private Stamp? _last;

    public string Now()
    {
        var now = time.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        var last = _last;
        if (last is not null && last.Second == second)
        {
            return last.Text;
        }

        var text = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        _last = new Stamp(second, text);
        return text;
    }

    private sealed record Stamp(long Second, string Text);
}
