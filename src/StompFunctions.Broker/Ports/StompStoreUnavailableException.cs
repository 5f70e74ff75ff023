namespace StompFunctions.Broker.Ports;

/// <summary>
/// The store could not be reached or answered with a server error (timeouts, 5xx, throttling after
/// retries). Store implementations throw it instead of their transport's exception; the engine turns it
/// into a STOMP ERROR for the frame being handled and loses nothing it had already accepted.
/// </summary>
public sealed class StompStoreUnavailableException : Exception
{
    public StompStoreUnavailableException()
        : this("The state store is unavailable.")
    {
    }

    public StompStoreUnavailableException(string message)
        : base(message)
    {
    }

    public StompStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
