using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using StompFunctions.Tables.Store;

namespace StompFunctions.Tables.Client;

/// <summary>How every Table store call runs: table provisioning, one retry after TableNotFound, failures mapped and logged.</summary>
internal sealed partial class TableCalls(ILogger logger, TimeProvider timeProvider)
{
    private readonly ILogger _logger = logger;
    private readonly OutageLog _outages = new(timeProvider);

    /// <summary>
    /// Runs one store operation: makes sure the table exists (once per process), runs it, and when the
    /// table turns out to be missing (deleted, or an in-memory Azurite restarted) creates it and runs it
    /// once more. Transport and service failures leave as <c>StompStoreUnavailableException</c>.
    /// </summary>
    public async ValueTask<TResult> RunAsync<TState, TResult>(
        ProvisionedTable table,
        string operation,
        TState state,
        Func<TableClient, TState, CancellationToken, Task<TResult>> action,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await table.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                var result = await action(table.Client, state, cancellationToken).ConfigureAwait(false);
                if (_outages.ShouldReportRecovery(out var duration, out var failures))
                {
                    Log.StoreBack(_logger, failures, (long)duration.TotalSeconds);
                }

                return result;
            }
            catch (RequestFailedException e) when (attempt == 0 && table.CreatesMissing && StoreFailures.IsTableNotFound(e))
            {
                Log.TableMissing(_logger, table.Client.Name);
                table.Invalidate();
            }
            catch (Exception e) when (StoreFailures.IsStoreFailure(e, cancellationToken))
            {
                ReportFailure(operation, table.Client.Name, e);
                throw StoreFailures.Unavailable(e, operation);
            }
        }
    }

    /// <summary>One line per failure kind and minute while storage is down (<see cref="OutageLog"/>), never a stack trace.</summary>
    private void ReportFailure(string operation, string tableName, Exception e)
    {
        var last = StoreFailures.LastAttempt(e);
        var failed = last as RequestFailedException;
        var status = failed?.Status ?? 0;
        var kind = $"{status} {failed?.ErrorCode} {last.GetType().Name}";
        if (_outages.ShouldReport(kind, out var leftOut))
        {
            Log.StoreUnavailable(_logger, operation, tableName, status, failed?.ErrorCode, last.GetType().Name, leftOut);
        }
    }
}
