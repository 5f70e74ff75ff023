namespace StompFunctions.Emulator.Filters;

/// <summary>The string functions the service's filter supports, with their arities and meaning.</summary>
internal static class FilterFunctions
{
    public static (int Min, int Max) Arity(string name) => name switch
    {
        "tolower" or "toupper" or "trim" or "length" => (1, 1),
        "startswith" or "endswith" or "contains" or "indexof" or "concat" => (2, 2),
        "substring" => (2, 3),
        _ => (-1, -1),
    };

    public static object? Invoke(string name, IReadOnlyList<object?> args) => name switch
    {
        "tolower" => Text(args[0])?.ToLowerInvariant(),
        "toupper" => Text(args[0])?.ToUpperInvariant(),
        "trim" => Text(args[0])?.Trim(),
        "length" => Text(args[0]) is { } s ? (long)s.Length : null,
        "startswith" => Both(args, static (a, b) => a.StartsWith(b, StringComparison.Ordinal)),
        "endswith" => Both(args, static (a, b) => a.EndsWith(b, StringComparison.Ordinal)),
        "contains" => Both(args, static (a, b) => a.Contains(b, StringComparison.Ordinal)),
        "indexof" => Text(args[0]) is { } s && Text(args[1]) is { } p ? (long)s.IndexOf(p, StringComparison.Ordinal) : null,
        "concat" => Text(args[0]) + Text(args[1]),
        "substring" => Substring(args),
        _ => throw new FilterSyntaxException($"Unknown function '{name}'."),
    };

    private static string? Text(object? value) => value as string;

    private static object? Both(IReadOnlyList<object?> args, Func<string, string, bool> test) =>
        Text(args[0]) is { } a && Text(args[1]) is { } b ? test(a, b) : false;

    private static object? Substring(IReadOnlyList<object?> args)
    {
        if (Text(args[0]) is not { } s || args[1] is not long start)
        {
            return null;
        }

        var from = (int)Math.Clamp(start, 0, s.Length);
        if (args.Count == 2)
        {
            return s[from..];
        }

        return args[2] is long length ? s.Substring(from, (int)Math.Clamp(length, 0, s.Length - from)) : null;
    }
}
