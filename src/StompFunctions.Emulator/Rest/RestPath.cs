using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Features;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// A data-plane path read in place: the segments after <c>/api/hubs/</c> of the raw target, as ranges of it. Each
/// segment is URL-decoded on its own, so an escaped <c>/</c> inside a name stays part of the name, and only the
/// segments a handler needs (hub and names) become strings. Its shape has the literal segments after the hub at even
/// positions and names at odd ones (<c>groups/{}/connections/{}</c>), which holds for every operation of the spec.
/// </summary>
internal readonly struct RestPath
{
    /// <summary>The hub and the longest operation path (<c>groups/{}/connections/{}</c>); longer paths name nothing.</summary>
    public const int MaxSegments = 6;

    private const string HubsPrefix = "/api/hubs/";

    private readonly string _target;
    private readonly Ranges _segments;

    private RestPath(string target, Ranges segments, int count)
    {
        _target = target;
        _segments = segments;
        Count = count;
    }

    /// <summary>Segments including the hub.</summary>
    public int Count { get; }

    /// <summary>
    /// Reads the request's path; false when it has no <c>/api/hubs/</c>, an empty segment (also a trailing <c>/</c>)
    /// or more segments than any operation has, all of which name no operation.
    /// </summary>
    public static bool TryRead(HttpContext context, out RestPath path)
    {
        path = default;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var end = queryStart < 0 ? target.Length : queryStart;
        var prefixAt = target.AsSpan(0, end).IndexOf(HubsPrefix, StringComparison.OrdinalIgnoreCase);
        if (prefixAt < 0)
        {
            return false;
        }

        var segments = default(Ranges);
        var count = 0;
        for (var start = prefixAt + HubsPrefix.Length; ; count++)
        {
            var slash = target.AsSpan(start, end - start).IndexOf('/');
            var segmentEnd = slash < 0 ? end : start + slash;
            if (segmentEnd == start || count == MaxSegments)
            {
                return false;
            }

            segments[count] = new Range(start, segmentEnd);
            if (slash < 0)
            {
                path = new RestPath(target, segments, count + 1);
                return true;
            }

            start = segmentEnd + 1;
        }
    }

    /// <summary>The URL-decoded segment: 0 is the hub, then the operation's segments.</summary>
    public string Decode(int index) => Uri.UnescapeDataString(Raw(index));

    /// <summary>As <see cref="Decode(int)"/>, but <paramref name="known"/> itself when the segment spells it without escapes.</summary>
    public string Decode(int index, string? known) =>
        known is not null && Raw(index) is var raw && raw.SequenceEqual(known) && !raw.Contains('%') ? known : Decode(index);

    /// <summary>
    /// Writes the operation's shape (the segments after the hub, names as <c>{}</c>, literals URL-decoded) into
    /// <paramref name="destination"/>; false when it does not fit, and then it is no shape of the route table.
    /// </summary>
    public bool TryWriteShape(Span<char> destination, out int written)
    {
        written = 0;
        for (var i = 1; i < Count; i++)
        {
            if (i > 1 && !TryAppend("/", destination, ref written))
            {
                return false;
            }

            if (i % 2 == 0)
            {
                if (!TryAppend("{}", destination, ref written))
                {
                    return false;
                }
            }
            else if (!Uri.TryUnescapeDataString(Raw(i), destination[written..], out var decoded))
            {
                return false;
            }
            else
            {
                written += decoded;
            }
        }

        return true;
    }

    private ReadOnlySpan<char> Raw(int index) =>
        index < Count ? _target.AsSpan()[_segments[index]] : throw new ArgumentOutOfRangeException(nameof(index));

    private static bool TryAppend(ReadOnlySpan<char> text, Span<char> destination, ref int written)
    {
        if (!text.TryCopyTo(destination[written..]))
        {
            return false;
        }

        written += text.Length;
        return true;
    }

    [InlineArray(MaxSegments)]
    private struct Ranges
    {
        private Range _first;
    }
}
