using Microsoft.Extensions.Logging;

namespace StompFunctions.Broker.Execution;

/// <summary>The engine's log messages (category <see cref="StompEngine"/>). Broker event ids: 2000-2999 (engine 2000-2099).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(2000, LogLevel.Debug, "Connection {ConnectionId}: {Command} refused with ERROR '{Message}'.", EventName = nameof(FrameRejected))]
    public static partial void FrameRejected(ILogger logger, string connectionId, string command, string message);

    [LoggerMessage(2001, LogLevel.Error, "Connection {ConnectionId}: handling {Command} failed.", EventName = nameof(FrameFailed))]
    public static partial void FrameFailed(ILogger logger, Exception exception, string connectionId, string command);

    [LoggerMessage(2002, LogLevel.Warning, "Connection {ConnectionId}: the state store is unavailable.", EventName = nameof(StoreUnavailable))]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(2003, LogLevel.Warning, "Connection {ConnectionId}: the connection state is corrupt or its spilled part is missing.", EventName = nameof(StateCorrupt))]
    public static partial void StateCorrupt(ILogger logger, string connectionId);

    [LoggerMessage(2004, LogLevel.Warning, "Connection {ConnectionId}: cleanup after disconnect failed; the collector will finish it.", EventName = nameof(DisconnectCleanupFailed))]
    public static partial void DisconnectCleanupFailed(ILogger logger, Exception exception, string connectionId);
}
