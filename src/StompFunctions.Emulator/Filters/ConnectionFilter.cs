using System.Collections;
using StompFunctions.Emulator.Connections;

namespace StompFunctions.Emulator.Filters;

/// <summary>
/// A parsed <c>filter</c> of the data-plane API evaluated against connections: identifiers <c>userId</c>,
/// <c>connectionId</c>, <c>groups</c> (a collection) and <c>protocol</c> (the negotiated subprotocol, as in
/// Microsoft's emulator). String comparisons are ordinal; use <c>tolower</c> for case-insensitive ones.
/// </summary>
internal sealed class ConnectionFilter
{
    private readonly FilterNode _root;

    private ConnectionFilter(FilterNode root) => _root = root;

    /// <summary>Parses a filter; throws <see cref="FilterSyntaxException"/> with a message fit for a 400 answer.</summary>
    public static ConnectionFilter Parse(string text) => new(FilterParser.Parse(text));

    public bool Matches(ClientConnection connection) => Evaluate(_root, connection) is true;

    private static object? Evaluate(FilterNode node, ClientConnection connection) => node.Kind switch
    {
        FilterNodeKind.Literal => node.Value,
        FilterNodeKind.Collection => node.Children.Select(child => Evaluate(child, connection)).ToList(),
        FilterNodeKind.Identifier => node.Name switch
        {
            "userId" => connection.UserId,
            "connectionId" => connection.ConnectionId,
            "groups" => connection.Groups.Keys,
            _ => connection.Subprotocol,
        },
        FilterNodeKind.Function => FilterFunctions.Invoke(node.Name, node.Children.Select(child => Evaluate(child, connection)).ToList()),
        FilterNodeKind.Not => Evaluate(node.Children[0], connection) is not true,
        FilterNodeKind.And => Evaluate(node.Children[0], connection) is true && Evaluate(node.Children[1], connection) is true,
        FilterNodeKind.Or => Evaluate(node.Children[0], connection) is true || Evaluate(node.Children[1], connection) is true,
        FilterNodeKind.Compare => Compare(node.Name, Evaluate(node.Children[0], connection), Evaluate(node.Children[1], connection)),
        FilterNodeKind.In => Contains(Evaluate(node.Children[1], connection), Evaluate(node.Children[0], connection)),
        _ => null,
    };

    private static bool Compare(string op, object? left, object? right)
    {
        if (op is "eq" or "ne")
        {
            var equal = ValuesEqual(left, right);
            return op == "eq" ? equal : !equal;
        }

        int? order = (left, right) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (long a, long b) => a.CompareTo(b),
            _ => null,
        };

        return order is { } o && op switch
        {
            "gt" => o > 0,
            "ge" => o >= 0,
            "lt" => o < 0,
            _ => o <= 0,
        };
    }

    private static bool Contains(object? collection, object? item)
    {
        // A string is not a collection here: "'a' in 'abc'" is false rather than a substring test.
        if (collection is string or not IEnumerable)
        {
            return ValuesEqual(collection, item);
        }

        foreach (var element in (IEnumerable)collection)
        {
            if (ValuesEqual(element, item))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ValuesEqual(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (long a, long b) => a == b,
        (bool a, bool b) => a == b,
        _ => false,
    };
}
