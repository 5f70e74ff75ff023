using System.Globalization;

namespace StompFunctions.Emulator.Filters;

/// <summary>
/// Recursive-descent parser of the OData subset the service documents for <c>filter</c>
/// (webpubsub-protocol.md §3): <c>or</c> below <c>and</c> below <c>not</c> below comparisons and <c>in</c>.
/// </summary>
internal sealed class FilterParser
{
    private const int MaxDepth = 64;

    private static readonly string[] Comparisons = ["eq", "ne", "gt", "ge", "lt", "le"];
    private static readonly string[] Identifiers = ["userId", "connectionId", "groups", "protocol"];

    private readonly List<FilterToken> _tokens;
    private int _position;
    private int _depth;

    private FilterParser(List<FilterToken> tokens) => _tokens = tokens;

    public static FilterNode Parse(string text)
    {
        var parser = new FilterParser(FilterLexer.Tokenize(text));
        var node = parser.ParseOr();
        if (parser.Current.Kind != FilterTokenKind.End)
        {
            throw parser.Unexpected();
        }

        return node;
    }

    private FilterToken Current => _tokens[_position];

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or"))
        {
            _position++;
            left = FilterNode.Of(FilterNodeKind.Or, "or", left, ParseAnd());
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        while (IsKeyword("and"))
        {
            _position++;
            left = FilterNode.Of(FilterNodeKind.And, "and", left, ParseUnary());
        }

        return left;
    }

    private FilterNode ParseUnary()
    {
        if (!IsKeyword("not"))
        {
            return ParseComparison();
        }

        _position++;
        Enter();
        var operand = ParseUnary();
        _depth--;
        return FilterNode.Of(FilterNodeKind.Not, "not", operand);
    }

    private FilterNode ParseComparison()
    {
        var left = ParseValue();
        if (Current.Kind == FilterTokenKind.Identifier)
        {
            var op = Current.Text.ToLowerInvariant();
            if (Array.IndexOf(Comparisons, op) >= 0)
            {
                _position++;
                return FilterNode.Of(FilterNodeKind.Compare, op, left, ParseValue());
            }

            if (op == "in")
            {
                _position++;
                return FilterNode.Of(FilterNodeKind.In, "in", left, ParseValue());
            }
        }

        return left;
    }

    private FilterNode ParseValue()
    {
        var token = Current;
        switch (token.Kind)
        {
            case FilterTokenKind.String:
                _position++;
                return FilterNode.Literal(token.Text);
            case FilterTokenKind.Number:
                _position++;
                return long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? FilterNode.Literal(number)
                    : throw new FilterSyntaxException($"The number at position {token.Position} of the filter is out of range.");
            case FilterTokenKind.OpenParen:
                return ParseParenthesized();
            case FilterTokenKind.Identifier:
                return ParseIdentifier(token);
            default:
                throw Unexpected();
        }
    }

    /// <summary><c>( expr )</c> or a collection literal <c>( v1, v2, ... )</c>.</summary>
    private FilterNode ParseParenthesized()
    {
        _position++;
        Enter();
        var first = ParseOr();
        if (Current.Kind == FilterTokenKind.CloseParen)
        {
            _position++;
            _depth--;
            return first;
        }

        var items = new List<FilterNode> { first };
        while (Current.Kind == FilterTokenKind.Comma)
        {
            _position++;
            items.Add(ParseValue());
        }

        Expect(FilterTokenKind.CloseParen);
        _depth--;
        return new FilterNode(FilterNodeKind.Collection, "", null, items);
    }

    private FilterNode ParseIdentifier(FilterToken token)
    {
        _position++;
        var name = token.Text;
        if (Current.Kind == FilterTokenKind.OpenParen)
        {
            return ParseFunction(token);
        }

        switch (name.ToLowerInvariant())
        {
            case "true":
                return FilterNode.Literal(true);
            case "false":
                return FilterNode.Literal(false);
            case "null":
                return FilterNode.Literal(null);
        }

        foreach (var known in Identifiers)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return FilterNode.Of(FilterNodeKind.Identifier, known);
            }
        }

        throw new FilterSyntaxException($"Unknown identifier '{name}' at position {token.Position} of the filter; supported: userId, connectionId, groups, protocol.");
    }

    private FilterNode ParseFunction(FilterToken token)
    {
        var name = token.Text.ToLowerInvariant();
        var arity = FilterFunctions.Arity(name);
        if (arity.Min < 0)
        {
            throw new FilterSyntaxException($"Unknown function '{token.Text}' at position {token.Position} of the filter.");
        }

        _position++;
        Enter();
        var arguments = new List<FilterNode>();
        if (Current.Kind != FilterTokenKind.CloseParen)
        {
            arguments.Add(ParseOr());
            while (Current.Kind == FilterTokenKind.Comma)
            {
                _position++;
                arguments.Add(ParseOr());
            }
        }

        Expect(FilterTokenKind.CloseParen);
        _depth--;
        if (arguments.Count < arity.Min || arguments.Count > arity.Max)
        {
            throw new FilterSyntaxException($"Function '{token.Text}' at position {token.Position} takes {arity.Min}–{arity.Max} arguments.");
        }

        return new FilterNode(FilterNodeKind.Function, name, null, arguments);
    }

    private bool IsKeyword(string keyword) =>
        Current.Kind == FilterTokenKind.Identifier && string.Equals(Current.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private void Expect(FilterTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected();
        }

        _position++;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new FilterSyntaxException("The filter is nested too deeply.");
        }
    }

    private FilterSyntaxException Unexpected() => Current.Kind == FilterTokenKind.End
        ? new FilterSyntaxException("The filter ends unexpectedly.")
        : new FilterSyntaxException($"Unexpected '{Current.Text}' at position {Current.Position} of the filter.");
}
