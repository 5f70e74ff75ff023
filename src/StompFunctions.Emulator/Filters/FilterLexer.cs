using System.Text;

namespace StompFunctions.Emulator.Filters;

/// <summary>Splits an OData filter into tokens: identifiers, <c>'...'</c> strings with <c>''</c> escapes, integers, parentheses, commas.</summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new(c == '(' ? FilterTokenKind.OpenParen : c == ')' ? FilterTokenKind.CloseParen : FilterTokenKind.Comma, c.ToString(), i));
                i++;
            }
            else if (c == '\'')
            {
                i = ReadString(text, i, tokens);
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new(FilterTokenKind.Number, text[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new(FilterTokenKind.Identifier, text[start..i], start));
            }
            else
            {
                throw new FilterSyntaxException($"Unexpected character '{c}' at position {i} of the filter.");
            }
        }

        tokens.Add(new(FilterTokenKind.End, "", text.Length));
        return tokens;
    }

    private static int ReadString(string text, int start, List<FilterToken> tokens)
    {
        var value = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] != '\'')
            {
                value.Append(text[i++]);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                value.Append('\'');
                i += 2;
                continue;
            }

            tokens.Add(new(FilterTokenKind.String, value.ToString(), start));
            return i + 1;
        }

        throw new FilterSyntaxException($"The string literal at position {start} of the filter is not closed.");
    }
}
