using System.Text;
using StompFunctions.EventGrid.Parsing;

namespace StompFunctions.EventGrid.Routing;

/// <summary>
/// Expands <c>{type}</c>, <c>{subject}</c>, <c>{source}</c> and <c>{id}</c> in a destination template.
/// Event values come from whoever may publish to the Event Grid topic, so a value holding a control
/// character (which could smuggle a header line into a STOMP 1.0 frame) makes the expansion fail.
/// </summary>
internal static class DestinationTemplate
{
    private static readonly string[] Placeholders = ["type", "subject", "source", "id"];

    public static bool TryExpand(string template, IncomingEvent e, out string destination)
    {
        destination = template;
        if (template.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return true;
        }

        var builder = new StringBuilder(template.Length + 64);
        var rest = template.AsSpan();
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('{');
            var close = open < 0 ? -1 : rest[open..].IndexOf('}');
            if (close < 0)
            {
                builder.Append(rest);
                break;
            }

            builder.Append(rest[..open]);
            var name = rest.Slice(open + 1, close - 1);
            if (!TryValue(name, e, out var value))
            {
                // Not one of ours: keep the braces literally.
                builder.Append(rest.Slice(open, close + 1));
            }
            else if (ContainsControlCharacter(value))
            {
                return false;
            }
            else
            {
                builder.Append(value);
            }

            rest = rest[(open + close + 1)..];
        }

        destination = builder.ToString();
        return true;
    }

    public static bool IsKnownPlaceholder(ReadOnlySpan<char> name)
    {
        foreach (var placeholder in Placeholders)
        {
            if (name.Equals(placeholder, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryValue(ReadOnlySpan<char> name, IncomingEvent e, out string? value)
    {
        value = name switch
        {
            "type" => e.Type,
            "subject" => e.Subject,
            "source" => e.Source,
            "id" => e.Id,
            _ => null,
        };
        return IsKnownPlaceholder(name);
    }

    private static bool ContainsControlCharacter(string? value)
    {
        foreach (var c in value.AsSpan())
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
