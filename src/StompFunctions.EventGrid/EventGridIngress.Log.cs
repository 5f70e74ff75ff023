using Microsoft.Extensions.Logging;

namespace StompFunctions.EventGrid;

public sealed partial class EventGridIngress
{
    // Event ids 6000-6099: Event Grid ingress (the house ranges stop at 5999 for clients).
    private static partial class Log
    {
        [LoggerMessage(6000, LogLevel.Information, "Event Grid delivery: {Events} events became {Messages} STOMP messages ({Routes} group sends), {Dropped} dropped.", EventName = nameof(Published))]
        public static partial void Published(ILogger logger, int events, int messages, int routes, int dropped);

        [LoggerMessage(6001, LogLevel.Warning, "Event Grid delivery dropped, it cannot be read: {Reason}", EventName = nameof(Unreadable))]
        public static partial void Unreadable(ILogger logger, string reason);

        [LoggerMessage(6002, LogLevel.Warning, "{Count} events dropped: a value they put into a destination holds a control character.", EventName = nameof(Rejected))]
        public static partial void Rejected(ILogger logger, int count);
    }
}
