using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Queues;

public sealed partial class QueueBroker
{
    // Event ids 2300-2399 belong to the queues.
    internal static partial class Log
    {
        [LoggerMessage(2300, LogLevel.Debug, "Queue commit attempt {Attempt} lost to another instance ({Outcome}); reading again.", EventName = nameof(Conflict))]
        public static partial void Conflict(ILogger logger, int attempt, StoreOutcome outcome);

        [LoggerMessage(2301, LogLevel.Warning, "A queue delivery to connection {ConnectionId} could not be sent ({ExceptionType}); the message goes back to the queue.", EventName = nameof(DeliveryFailed))]
        public static partial void DeliveryFailed(ILogger logger, string connectionId, string exceptionType);

        [LoggerMessage(2302, LogLevel.Warning, "Settling sent queue messages failed ({ExceptionType}): auto-mode ones come back after their lease, client-mode ones a cumulative ACK of another batch puts back; both are redelivered.", EventName = nameof(AutoDeleteFailed))]
        public static partial void AutoDeleteFailed(ILogger logger, string exceptionType);
    }
}
