using System.Text;
using System.Text.RegularExpressions;

namespace StompFunctions.Broker.Authorization;

/// <summary>
/// A destination pattern of a rule: literal text, <c>*</c> for any text within one segment (no <c>/</c> and no
/// <c>.</c>), <c>**</c> for any text at all. <c>/topic/**</c> covers every topic, <c>/queue/orders.*</c> covers
/// <c>/queue/orders.eu</c> but not <c>/queue/orders.eu.late</c>. Matching runs in time linear in the destination.
/// </summary>
public sealed class DestinationPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _regex;

    private DestinationPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>The pattern as configured.</summary>
    public string Text { get; }

    /// <summary>Parses a pattern; it must start with <c>/</c> and use at most two <c>*</c> in a row.</summary>
    public static DestinationPattern Parse(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (pattern[0] != '/')
        {
            throw new FormatException($"Destination pattern '{pattern}' must start with '/'.");
        }

        if (pattern.Contains("***", StringComparison.Ordinal))
        {
            throw new FormatException($"Destination pattern '{pattern}' has more than two '*' in a row; use '*' (one segment) or '**' (anything).");
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '*')
            {
                regex.Append(Regex.Escape(pattern[i].ToString()));
            }
            else if (i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append("[^/.]*");
            }
        }

        regex.Append('$');
        return new DestinationPattern(pattern, new Regex(regex.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout));
    }

    /// <summary>Whether <paramref name="destination"/> matches, compared ordinally.</summary>
    public bool IsMatch(string destination) => _regex.IsMatch(destination);

    /// <inheritdoc />
    public override string ToString() => Text;
}
