using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub.Publishing;

/// <summary>Why the publish endpoint refused a request; <see cref="PublishProblems"/> holds the one message of each.</summary>
public enum PublishProblem
{
    /// <summary>A method other than POST.</summary>
    MethodNotAllowed,

    /// <summary>The URL names no destination.</summary>
    NoDestination,

    /// <summary>The destination holds a control character.</summary>
    ControlCharacters,

    /// <summary>The destination is a wildcard pattern, which only a SUBSCRIBE may use (argument: the destination).</summary>
    Pattern,

    /// <summary>The destination is outside the broker's prefixes (arguments: the destination, the prefixes).</summary>
    NotBrokerDestination,

    /// <summary>A <c>stomp-</c> header names one the broker sets itself (argument: the header).</summary>
    ReservedHeader,

    /// <summary>The body is larger than <see cref="StompPublishHandler.MaxBodyBytes"/>.</summary>
    TooLarge,

    /// <summary>The subscription store failed; the caller may retry.</summary>
    StoreUnavailable,
}

/// <summary>The message table of <see cref="PublishProblem"/>: the HTTP status and text of each.</summary>
public static class PublishProblems
{
    /// <summary>The HTTP status a problem is answered with.</summary>
    public static int Status(PublishProblem problem) => problem switch
    {
        PublishProblem.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        PublishProblem.NoDestination or PublishProblem.ControlCharacters or PublishProblem.Pattern
            or PublishProblem.NotBrokerDestination or PublishProblem.ReservedHeader => StatusCodes.Status400BadRequest,
        PublishProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
        PublishProblem.StoreUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };

    /// <summary>The plain-text answer, with the problem's arguments in place.</summary>
    public static string Message(PublishProblem problem, params ReadOnlySpan<object?> args) =>
        string.Format(CultureInfo.InvariantCulture, Format(problem), args);

    private static string Format(PublishProblem problem) => problem switch
    {
        PublishProblem.MethodNotAllowed => "Publish with POST.",
        PublishProblem.NoDestination => "Name the destination in the URL: POST …/publish/topic/news publishes to /topic/news.",
        PublishProblem.ControlCharacters => "The destination may not contain control characters.",
        PublishProblem.Pattern => "'{0}' holds '*' or '#', which only a SUBSCRIBE may use: publish to a concrete topic.",
        PublishProblem.NotBrokerDestination => "'{0}' is not a broker destination: publish to one starting with {1}.",
        PublishProblem.ReservedHeader => "The broker sets '{0}' itself; it cannot be published as " + StompPublishHandler.HeaderPrefix + "{0}.",
        PublishProblem.TooLarge => $"The body may hold at most {StompPublishHandler.MaxBodyBytes} bytes.",
        PublishProblem.StoreUnavailable => "The subscription store is unavailable; retry later.",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
