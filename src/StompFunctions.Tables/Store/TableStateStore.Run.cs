using Azure;
using Azure.Data.Tables;
using StompFunctions.Tables.Client;

namespace StompFunctions.Tables.Store;

internal sealed partial class TableStateStore
{
    /// <summary>
    /// Runs one store operation: makes sure the table exists (once per process), runs it, and when the
    /// table turns out to be missing (deleted, or an in-memory Azurite restarted) creates it and runs it
    /// once more. Transport and service failures leave as <c>StompStoreUnavailableException</c>.
    /// </summary>
    private async ValueTask<TResult> RunAsync<TState, TResult>(
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
                return await action(table.Client, state, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (attempt == 0 && table.CreatesMissing && StoreFailures.IsTableNotFound(e))
            {
                Log.TableMissing(_logger, table.Client.Name);
                table.Invalidate();
            }
            catch (Exception e) when (StoreFailures.IsStoreFailure(e, cancellationToken))
            {
                var status = e is RequestFailedException r ? r.Status : 0;
                Log.StoreUnavailable(_logger, operation, table.Client.Name, status, (e as RequestFailedException)?.ErrorCode, e.GetType().Name);
                throw StoreFailures.Unavailable(e, operation);
            }
        }
    }
}
