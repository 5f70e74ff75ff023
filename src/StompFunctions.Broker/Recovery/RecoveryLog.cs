using Microsoft.Extensions.Logging;

namespace StompFunctions.Broker.Recovery;

/// <summary>Log messages of route recovery after the store lost its rows (category <see cref="StompEngine"/>; ids 2400-2499).</summary>
internal static partial class RecoveryLog
{
    // Once per connection and store reset, not per frame.
    [LoggerMessage(2400, LogLevel.Information, "Connection {ConnectionId}: the state store lost its rows (new generation); {Count} subscriptions written again from the connection's state.", EventName = nameof(Restored))]
    public static partial void Restored(ILogger logger, string connectionId, int count);

    [LoggerMessage(2401, LogLevel.Warning, "Connection {ConnectionId}: the state store lost its rows and the subscriptions could not be written again ({Reason}); the client gets an ERROR.", EventName = nameof(RestoreFailed))]
    public static partial void RestoreFailed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(2402, LogLevel.Warning, "The state store lost its rows: connections of the old generation that sent nothing since got an ERROR and were closed (group {Group}).", EventName = nameof(Noticed))]
    public static partial void Noticed(ILogger logger, string group);

    [LoggerMessage(2403, LogLevel.Warning, "The ERROR to connections whose subscriptions the state store lost could not be sent ({Reason}); trying again later.", EventName = nameof(NoticeFailed))]
    public static partial void NoticeFailed(ILogger logger, string reason);

    [LoggerMessage(2404, LogLevel.Debug, "Connection {ConnectionId}: its store-generation group could not be updated ({Reason}).", EventName = nameof(GroupUpdateFailed))]
    public static partial void GroupUpdateFailed(ILogger logger, string connectionId, string reason);
}
