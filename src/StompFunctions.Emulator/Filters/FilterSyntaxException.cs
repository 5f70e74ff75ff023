namespace StompFunctions.Emulator.Filters;

/// <summary>A filter the emulator cannot parse; the message becomes the 400 answer.</summary>
internal sealed class FilterSyntaxException(string message) : Exception(message)
{
    public FilterSyntaxException()
        : this("The filter is invalid.")
    {
    }

    public FilterSyntaxException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}
