using Microsoft.Extensions.Logging;

namespace StompFunctions.EventGrid.Webhook;

public sealed partial class EventGridWebhookHandler
{
    // Event ids 6010-6019: the Event Grid webhook.
    private static partial class Log
    {
        [LoggerMessage(6010, LogLevel.Information, "Event Grid subscription validated (SubscriptionValidationEvent answered).", EventName = nameof(SubscriptionValidated))]
        public static partial void SubscriptionValidated(ILogger logger);

        [LoggerMessage(6011, LogLevel.Warning, "Event Grid validation request refused: its origin is not allowed.", EventName = nameof(OriginRefused))]
        public static partial void OriginRefused(ILogger logger);

        [LoggerMessage(6012, LogLevel.Warning, "Event Grid delivery refused with 503 so that it is retried: the store or the gateway failed.", EventName = nameof(Unavailable))]
        public static partial void Unavailable(ILogger logger, Exception exception);
    }
}
