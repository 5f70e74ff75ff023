using Azure.Data.Tables;
using StompFunctions.Tables.Client;

namespace StompFunctions.Tables.Store;

internal sealed partial class TableStateStore
{
    private ValueTask<TResult> RunAsync<TState, TResult>(
        ProvisionedTable table,
        string operation,
        TState state,
        Func<TableClient, TState, CancellationToken, Task<TResult>> action,
        CancellationToken cancellationToken) => _calls.RunAsync(table, operation, state, action, cancellationToken);
}
