namespace StompFunctions.Broker.Routing;

/// <summary>
/// A destination template such as <c>/app/chat/{room}</c> or <c>/app/files/{*path}</c>, matched segment by
/// segment on <c>/</c>. <c>{name}</c> binds one non-empty segment, <c>{*name}</c> (last only) binds the rest,
/// possibly empty. Literal segments compare ordinally (STOMP destinations are case sensitive).
/// </summary>
internal sealed class DestinationTemplate
{
    private readonly Segment[] _segments;

    private DestinationTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
        LiteralCount = segments.Count(s => s.Kind == SegmentKind.Literal);
        HasCatchAll = segments.Length > 0 && segments[^1].Kind == SegmentKind.CatchAll;
    }

    private enum SegmentKind
    {
        Literal,
        Parameter,
        CatchAll,
    }

    public string Text { get; }

    public int LiteralCount { get; }

    public bool HasCatchAll { get; }

    public int SegmentCount => _segments.Length;

    public static DestinationTemplate Parse(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        var parts = template.Split('/');
        var segments = new Segment[parts.Length];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < parts.Length; i++)
        {
            segments[i] = ParseSegment(template, parts[i], i == parts.Length - 1, names);
        }

        return new DestinationTemplate(template, segments);
    }

    /// <summary>Matches a destination; allocates the values only on a match.</summary>
    public bool TryMatch(string destination, out IReadOnlyDictionary<string, string> values)
    {
        values = EmptyValues;
        Dictionary<string, string>? bound = null;
        var position = 0;
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.Kind == SegmentKind.CatchAll)
            {
                (bound ??= new(StringComparer.OrdinalIgnoreCase))[segment.Text] = position <= destination.Length ? destination[position..] : "";
                values = bound;
                return true;
            }

            if (position > destination.Length)
            {
                return false;
            }

            var end = destination.IndexOf('/', position);
            var isLast = i == _segments.Length - 1;
            if (end < 0)
            {
                end = destination.Length;
            }

            // The template's last segment must end the destination; earlier ones must be followed by '/'.
            if (isLast != (end == destination.Length))
            {
                return false;
            }

            var part = destination.AsSpan(position, end - position);
            if (segment.Kind == SegmentKind.Literal)
            {
                if (!part.SequenceEqual(segment.Text))
                {
                    return false;
                }
            }
            else
            {
                if (part.IsEmpty)
                {
                    return false;
                }

                (bound ??= new(StringComparer.OrdinalIgnoreCase))[segment.Text] = part.ToString();
            }

            position = end + 1;
        }

        values = bound ?? EmptyValues;
        return true;
    }

    private static IReadOnlyDictionary<string, string> EmptyValues { get; } = new Dictionary<string, string>();

    private static Segment ParseSegment(string template, string part, bool isLast, HashSet<string> names)
    {
        if (!part.StartsWith('{'))
        {
            if (part.Contains('{') || part.Contains('}'))
            {
                throw new ArgumentException($"Template '{template}': a parameter must be a whole segment ('{part}').", nameof(template));
            }

            return new Segment(SegmentKind.Literal, part);
        }

        if (!part.EndsWith('}') || part.Length < 3)
        {
            throw new ArgumentException($"Template '{template}': malformed parameter '{part}'.", nameof(template));
        }

        var catchAll = part[1] == '*';
        var name = part[(catchAll ? 2 : 1)..^1];
        if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
        {
            throw new ArgumentException($"Template '{template}': parameter names use letters, digits and '_' ('{part}').", nameof(template));
        }

        if (catchAll && !isLast)
        {
            throw new ArgumentException($"Template '{template}': a catch-all parameter must be the last segment.", nameof(template));
        }

        if (!names.Add(name))
        {
            throw new ArgumentException($"Template '{template}': parameter '{name}' appears twice.", nameof(template));
        }

        return new Segment(catchAll ? SegmentKind.CatchAll : SegmentKind.Parameter, name);
    }

    private readonly record struct Segment(SegmentKind Kind, string Text);
}
