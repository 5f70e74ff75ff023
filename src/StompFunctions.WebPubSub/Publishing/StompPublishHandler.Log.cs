using Microsoft.Extensions.Logging;

namespace StompFunctions.WebPubSub.Publishing;

public sealed partial class StompPublishHandler
{
    // Upstream/adapter ids 3000-3999; publishing uses 3200-3299.
    private static partial class Log
    {
        [LoggerMessage(3200, LogLevel.Debug, "Published {Bytes} bytes over HTTP to {Routes} routes.", EventName = nameof(Published))]
        public static partial void Published(ILogger logger, int bytes, int routes);

        // Per request, so Debug and without the stack trace: the store itself reports an outage once per kind and minute.
        [LoggerMessage(3201, LogLevel.Debug, "HTTP publish refused: the subscription store is unavailable ({Reason}).", EventName = nameof(StoreUnavailable))]
        public static partial void StoreUnavailable(ILogger logger, string reason);
    }
}
