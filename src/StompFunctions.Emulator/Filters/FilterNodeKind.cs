namespace StompFunctions.Emulator.Filters;

internal enum FilterNodeKind
{
    Literal,
    Collection,
    Identifier,
    Function,
    Not,
    And,
    Or,
    Compare,
    In,
}
