namespace StompFunctions.Broker;

/// <summary>Makes the identifiers the server hands out (session ids, message ids). Injected so tests get stable ids.</summary>
public interface IStompIdGenerator
{
    /// <summary>Returns an identifier unique across every instance of the app. Only URL-safe characters, no <c>@</c>.</summary>
    string NewId();
}
