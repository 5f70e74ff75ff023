namespace StompFunctions.Emulator.Filters;

internal enum FilterTokenKind
{
    End,
    Identifier,
    String,
    Number,
    OpenParen,
    CloseParen,
    Comma,
}
