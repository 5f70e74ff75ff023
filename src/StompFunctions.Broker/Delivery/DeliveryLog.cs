using Microsoft.Extensions.Logging;

namespace StompFunctions.Broker.Delivery;

/// <summary>Log messages of the delivery path (category <see cref="StompEngine"/>; event ids 2110-2119).</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(2110, LogLevel.Information, "Connection {ConnectionId}: a retried event was answered again but not delivered twice.", EventName = nameof(RetriedEventNotDelivered))]
    public static partial void RetriedEventNotDelivered(ILogger logger, string connectionId);
}
