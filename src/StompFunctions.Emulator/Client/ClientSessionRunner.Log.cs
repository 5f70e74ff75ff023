
namespace StompFunctions.Emulator.Client;

internal sealed partial class ClientSessionRunner
{
    private static partial class Log
    {
        [LoggerMessage(4010, LogLevel.Debug, "Connection {ConnectionId} joined hub {Hub}", EventName = nameof(Connected))]
        public static partial void Connected(ILogger logger, string hub, string connectionId);

        [LoggerMessage(4011, LogLevel.Debug, "Connection {ConnectionId} left hub {Hub}: {Reason}", EventName = nameof(Disconnected))]
        public static partial void Disconnected(ILogger logger, string hub, string connectionId, string? reason);

        [LoggerMessage(4012, LogLevel.Warning, "The {EventName} event of connection {ConnectionId} failed with status {StatusCode} (0: not delivered)", EventName = nameof(NotificationFailed))]
        public static partial void NotificationFailed(ILogger logger, string eventName, string connectionId, int statusCode);

        [LoggerMessage(4013, LogLevel.Warning, "The message answer for connection {ConnectionId} has an unsupported Content-Type; the connection is dropped", EventName = nameof(UnsupportedAnswerType))]
        public static partial void UnsupportedAnswerType(ILogger logger, string connectionId);

        [LoggerMessage(4014, LogLevel.Warning, "Connection {ConnectionId} of hub {Hub} was dropped: it did not read its messages and more than {MaxQueuedBytes} bytes would have waited for it", EventName = nameof(SlowClientDropped))]
        public static partial void SlowClientDropped(ILogger logger, string hub, string connectionId, long maxQueuedBytes);
    }
}
