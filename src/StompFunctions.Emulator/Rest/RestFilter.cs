using StompFunctions.Emulator.Filters;

namespace StompFunctions.Emulator.Rest;

/// <summary>Parses an OData <c>filter</c> of a send or group call into a <see cref="ConnectionFilter"/> or the 400 message.</summary>
internal static class RestFilter
{
    public static (ConnectionFilter? Filter, string? Error) Parse(string text)
    {
        try
        {
            return (ConnectionFilter.Parse(text), null);
        }
        catch (FilterSyntaxException ex)
        {
            return (null, "Invalid filter: " + ex.Message);
        }
    }
}
