using Microsoft.Extensions.Logging;

namespace StompFunctions.Broker.Execution;

/// <summary>The engine's log messages (category <see cref="StompEngine"/>). Broker event ids: 2000-2999 (engine 2000-2099).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(2000, LogLevel.Debug, "Connection {ConnectionId}: {Command} refused with ERROR '{Message}'.", EventName = nameof(FrameRejected))]
    public static partial void FrameRejected(ILogger logger, string connectionId, string command, string message);

    [LoggerMessage(2001, LogLevel.Error, "Connection {ConnectionId}: handling {Command} failed.", EventName = nameof(FrameFailed))]
    public static partial void FrameFailed(ILogger logger, Exception exception, string connectionId, string command);

    // Per frame during an outage, so Debug and without a stack trace: the store reports the outage itself, one
    // warning per failure kind and minute, and the client gets an ERROR saying so.
    [LoggerMessage(2002, LogLevel.Debug, "Connection {ConnectionId}: the state store is unavailable ({Reason}).", EventName = nameof(StoreUnavailable))]
    public static partial void StoreUnavailable(ILogger logger, string connectionId, string reason);

    [LoggerMessage(2003, LogLevel.Warning, "Connection {ConnectionId}: the connection state is corrupt or its spilled part is missing.", EventName = nameof(StateCorrupt))]
    public static partial void StateCorrupt(ILogger logger, string connectionId);

    [LoggerMessage(2004, LogLevel.Debug, "Connection {ConnectionId}: cleanup after disconnect failed ({Reason}); the collector will finish it.", EventName = nameof(DisconnectCleanupFailed))]
    public static partial void DisconnectCleanupFailed(ILogger logger, string connectionId, string reason);
}
