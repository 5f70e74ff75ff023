namespace StompFunctions.Broker.Delivery;

/// <summary>
/// RabbitMQ's topic rules for <c>/topic/…</c>: the rest of the destination is a routing key of words separated by
/// <c>.</c>; in a SUBSCRIBE the word <c>*</c> stands for exactly one word and <c>#</c> for zero or more. Every pattern
/// subscription lives in one store partition, <see cref="IndexDestination"/>, whose routes carry their pattern, so a
/// SEND to a topic reads its own routes and the patterns in one request (docs/table-design.md).
/// </summary>
internal static class TopicWildcards
{
    /// <summary>The prefix whose destinations are routing keys.</summary>
    public const string TopicPrefix = "/topic/";

    /// <summary>
    /// The store key holding every pattern subscription of <see cref="TopicPrefix"/>. It does not start with <c>/</c>, so no
    /// client can SEND or SUBSCRIBE to it by name (no broker prefix matches it).
    /// </summary>
    public const string IndexDestination = "wildcards:/topic/";

    private const char Separator = '.';

    /// <summary>Whether the destination is a topic holding <c>*</c> or <c>#</c> (a pattern, never a SEND target).</summary>
    public static bool IsPattern(string destination) =>
        destination.StartsWith(TopicPrefix, StringComparison.Ordinal) && destination.AsSpan(TopicPrefix.Length).IndexOfAny('*', '#') >= 0;

    /// <summary>Whether a SEND to the destination may reach pattern subscriptions.</summary>
    public static bool IsTopic(string destination) => destination.StartsWith(TopicPrefix, StringComparison.Ordinal);

    /// <summary>Whether every <c>*</c> and <c>#</c> of the pattern is a word of its own (<c>a.*.c</c>, not <c>a*.c</c>).</summary>
    public static bool IsWellFormed(string pattern)
    {
        foreach (var word in pattern[TopicPrefix.Length..].Split(Separator))
        {
            if (word.AsSpan().IndexOfAny('*', '#') >= 0 && word is not "*" and not "#")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the topic <paramref name="destination"/> matches <paramref name="pattern"/> (both with the prefix).</summary>
    public static bool Matches(string pattern, string destination)
    {
        if (!IsTopic(pattern) || !IsTopic(destination))
        {
            return false;
        }

        var patternWords = pattern[TopicPrefix.Length..].Split(Separator);
        var keyWords = destination[TopicPrefix.Length..].Split(Separator);
        return Matches(patternWords, keyWords);
    }

    // Dynamic programming over (pattern word, key word): time and memory linear in their product, no backtracking.
    private static bool Matches(string[] pattern, string[] key)
    {
        // reach[j]: the pattern's first i words can match the key's first j words.
        var reach = new bool[key.Length + 1];
        reach[0] = true;
        foreach (var word in pattern)
        {
            var next = new bool[key.Length + 1];
            for (var j = 0; j <= key.Length; j++)
            {
                next[j] = word switch
                {
                    "#" => reach[j] || (j > 0 && next[j - 1]),
                    "*" => j > 0 && reach[j - 1],
                    _ => j > 0 && reach[j - 1] && string.Equals(word, key[j - 1], StringComparison.Ordinal),
                };
            }

            reach = next;
        }

        return reach[key.Length];
    }
}
