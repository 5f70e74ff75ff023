namespace StompFunctions.Emulator.Filters;

/// <summary>
/// One node of a parsed filter. A single node type with a kind keeps the small evaluator a switch instead of
/// a class hierarchy; <see cref="Name"/> is the identifier, function or comparison operator.
/// </summary>
internal sealed record FilterNode(FilterNodeKind Kind, string Name, object? Value, IReadOnlyList<FilterNode> Children)
{
    public static FilterNode Literal(object? value) => new(FilterNodeKind.Literal, "", value, []);

    public static FilterNode Of(FilterNodeKind kind, string name, params FilterNode[] children) => new(kind, name, null, children);
}
