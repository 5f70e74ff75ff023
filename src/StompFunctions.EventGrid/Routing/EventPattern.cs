namespace StompFunctions.EventGrid.Routing;

/// <summary>
/// A route's pattern: unset matches anything, <c>prefix*</c> matches by ordinal prefix, anything
/// else must be equal. A '*' anywhere but at the end is rejected by the options validator.
/// </summary>
internal static class EventPattern
{
    public static bool Matches(string? pattern, string? value)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return true;
        }

        if (value is null)
        {
            return false;
        }

        return pattern[^1] == '*'
            ? value.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, value, StringComparison.Ordinal);
    }

    public static bool IsValid(string? pattern)
        => string.IsNullOrEmpty(pattern) || pattern.IndexOf('*', StringComparison.Ordinal) is var star && (star < 0 || star == pattern.Length - 1);
}
