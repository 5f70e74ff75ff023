using Microsoft.AspNetCore.WebUtilities;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// Reads query parameters straight from the raw query string, as ASP.NET Core's query collection reads them (the same
/// pair splitting and decoding, names case-insensitive, values in order) but without building that collection for
/// every call: a send reads three or four parameters once each.
/// </summary>
internal static class RestQuery
{
    /// <summary>The first value of <paramref name="name"/>, or null when absent.</summary>
    public static string? First(QueryString query, string name)
    {
        foreach (var pair in new QueryStringEnumerable(query.Value))
        {
            if (NameIs(pair, name))
            {
                return pair.DecodeValue().ToString();
            }
        }

        return null;
    }

    /// <summary>Every value of <paramref name="name"/>, in order.</summary>
    public static IReadOnlyList<string> All(QueryString query, string name)
    {
        List<string>? values = null;
        foreach (var pair in new QueryStringEnumerable(query.Value))
        {
            if (NameIs(pair, name))
            {
                (values ??= []).Add(pair.DecodeValue().ToString());
            }
        }

        return values ?? (IReadOnlyList<string>)[];
    }

    /// <summary>
    /// The one value of <paramref name="name"/> when it occurs exactly once, decoded but not copied into a string;
    /// false when absent or repeated (the collection would join repeated values with commas).
    /// </summary>
    public static bool TryGetSingle(QueryString query, string name, out ReadOnlyMemory<char> value)
    {
        value = default;
        var found = 0;
        foreach (var pair in new QueryStringEnumerable(query.Value))
        {
            if (NameIs(pair, name) && found++ == 0)
            {
                value = pair.DecodeValue();
            }
        }

        if (found != 1)
        {
            value = default;
        }

        return found == 1;
    }

    private static bool NameIs(QueryStringEnumerable.EncodedNameValuePair pair, string name)
    {
        var encoded = pair.EncodedName.Span;
        return encoded.ContainsAny('%', '+')
            ? pair.DecodeName().Span.Equals(name, StringComparison.OrdinalIgnoreCase)
            : encoded.Equals(name, StringComparison.OrdinalIgnoreCase);
    }
}
