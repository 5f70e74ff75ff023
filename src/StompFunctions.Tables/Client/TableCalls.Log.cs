using Microsoft.Extensions.Logging;

namespace StompFunctions.Tables.Client;

internal sealed partial class TableCalls
{
    // Event ids 5200-5299 belong to the Table stores (clients range 5000-5999).
    private static partial class Log
    {
        [LoggerMessage(5200, LogLevel.Warning, "Table Storage failed during {Operation} on table {Table}: status {Status}, error code {ErrorCode}, {ExceptionType} ({LeftOut} more of this kind since the last line; this kind is logged at most once a minute).", EventName = nameof(StoreUnavailable))]
        public static partial void StoreUnavailable(ILogger logger, string operation, string table, int status, string? errorCode, string exceptionType, int leftOut);

        [LoggerMessage(5202, LogLevel.Information, "Table Storage answers again after {Failures} failed requests over {Seconds} s.", EventName = nameof(StoreBack))]
        public static partial void StoreBack(ILogger logger, int failures, long seconds);

        [LoggerMessage(5201, LogLevel.Warning, "Table {Table} was missing; creating it again.", EventName = nameof(TableMissing))]
        public static partial void TableMissing(ILogger logger, string table);
    }
}
