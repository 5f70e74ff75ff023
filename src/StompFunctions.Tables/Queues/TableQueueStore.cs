using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Keys;
using StompFunctions.Tables.Store;

namespace StompFunctions.Tables.Queues;

/// <summary>
/// The broker's queue store on Azure Table Storage: one partition per queue in the queues table, consumer rows
/// (<c>c|connection|subscription</c>), sent records of <c>client</c>-mode batches (<c>d|batch</c>), publishers' marks (<c>e|connection</c>) and message rows (<c>m|sequence</c>). A read is one range query of the
/// partition; a commit is one entity-group transaction whose conditional actions carry the ETags read, so two
/// instances never claim one message. docs/table-design.md explains the layout.
/// </summary>
internal sealed class TableQueueStore : IQueueStore
{
    private const int MaxPageSize = 1000;

    // Consumers and sent records come first in the partition; a page this much larger than the ready messages asked for holds them too.
    private const int ConsumerAllowance = 96;

    private readonly ProvisionedTable _queues;
    private readonly TableCalls _calls;

    public TableQueueStore(TableServiceClient service, TableStorageOptions options, ILogger<TableQueueStore>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _queues = new ProvisionedTable(service.GetTableClient(options.QueuesTable), options.CreateTablesIfMissing);
        _calls = new TableCalls(logger ?? (ILogger)NullLogger.Instance, timeProvider ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public ValueTask<QueueSnapshot> ReadAsync(string queue, long nowMilliseconds, int maxReady, string? markOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var partition = TableStateStore.Quote(TableKeys.DestinationPartition(queue));
        var mark = markOf is null ? "" : string.Concat(" or RowKey eq '", TableStateStore.Quote(QueueKeys.MarkRow(markOf)), "'");
        // One range from the consumers to the sent records (c| and d| are adjacent), the mark, and the ready messages.
        var filter = string.Concat(
            "PartitionKey eq '", partition, "' and ((RowKey ge '", QueueKeys.ConsumerPrefix, "' and RowKey lt '", QueueKeys.SentRangeEnd,
            "')", mark, " or (RowKey ge '", QueueKeys.MessagePrefix, "' and RowKey lt '", QueueKeys.MessageRangeEnd, "' and ", QueueColumns.LeaseUntil,
            " lt ", nowMilliseconds.ToString(CultureInfo.InvariantCulture), "L))");
        return _calls.RunAsync(_queues, "read queue", (queue, filter, Math.Max(1, maxReady)), ReadSnapshotAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<QueueEventMark>> ReadMarksAsync(string queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var filter = string.Concat(
            "PartitionKey eq '", TableStateStore.Quote(TableKeys.DestinationPartition(queue)), "' and RowKey ge '", QueueKeys.MarkPrefix,
            "' and RowKey lt '", QueueKeys.MarkRangeEnd, "'");
        return _calls.RunAsync(_queues, "read queue marks", filter, ReadMarksPageAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<QueueCommitResult> CommitAsync(string queue, IReadOnlyList<QueueWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count is 0 or > QueueWrite.MaxPerCommit)
        {
            throw new ArgumentException($"A queue commit holds 1 to {QueueWrite.MaxPerCommit} writes.", nameof(writes));
        }

        var partition = TableKeys.DestinationPartition(queue);
        var actions = new TableTransactionAction[writes.Count];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = QueueRows.Action(partition, queue, writes[i]);
        }

        return _calls.RunAsync(_queues, "commit queue", actions, SubmitAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<DestinationPage> ListQueuesAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken)
    {
        var pageSize = pageSizeHint is > 0 and <= MaxPageSize ? pageSizeHint : MaxPageSize;
        var filter = continuationToken is null ? null : $"PartitionKey gt '{TableStateStore.Quote(continuationToken)}'";
        return _calls.RunAsync(_queues, "list queues", (filter, pageSize), ListPageAsync, cancellationToken);
    }

    private static async Task<QueueSnapshot> ReadSnapshotAsync(TableClient table, (string Queue, string Filter, int MaxReady) query, CancellationToken cancellationToken)
    {
        var consumers = new List<QueueConsumer>();
        var ready = new List<QueuedMessage>();
        var sent = new List<QueueSentBatch>();
        QueueEventMark? mark = null;
        var pageSize = Math.Min(MaxPageSize, query.MaxReady + 2 + ConsumerAllowance);
        await foreach (var row in table.QueryAsync<TableEntity>(query.Filter, pageSize, null, cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith(QueueKeys.ConsumerPrefix, StringComparison.Ordinal))
            {
                consumers.Add(QueueRows.ToConsumer(query.Queue, row));
                continue;
            }

            if (row.RowKey.StartsWith(QueueKeys.SentPrefix, StringComparison.Ordinal))
            {
                sent.Add(QueueRows.ToSent(row));
                continue;
            }

            if (row.RowKey.StartsWith(QueueKeys.MarkPrefix, StringComparison.Ordinal))
            {
                mark = QueueRows.ToMark(row);
                continue;
            }

            if (ready.Count == query.MaxReady)
            {
                return new QueueSnapshot(consumers, ready, true, mark, sent);
            }

            ready.Add(QueueRows.ToMessage(row));
        }

        return consumers.Count == 0 && ready.Count == 0 && mark is null && sent.Count == 0
            ? QueueSnapshot.Empty
            : new QueueSnapshot(consumers, ready, false, mark, sent);
    }

    private static async Task<IReadOnlyList<QueueEventMark>> ReadMarksPageAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var marks = new List<QueueEventMark>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, MaxPageSize, null, cancellationToken).ConfigureAwait(false))
        {
            marks.Add(QueueRows.ToMark(row));
        }

        return marks;
    }

    private static async Task<QueueCommitResult> SubmitAsync(TableClient table, TableTransactionAction[] actions, CancellationToken cancellationToken)
    {
        try
        {
            var responses = (await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false)).Value;
            var etags = new string?[actions.Length];
            for (var i = 0; i < etags.Length && i < responses.Count; i++)
            {
                etags[i] = actions[i].ActionType == TableTransactionActionType.Delete ? null : responses[i].Headers.ETag?.ToString();
            }

            return new QueueCommitResult(StoreOutcome.Ok, etags);
        }
        catch (RequestFailedException e) when (e.Status is StoreFailures.PreconditionFailed or StoreFailures.Conflict)
        {
            return QueueCommitResult.Failed(StoreOutcome.Conflict);
        }
        catch (RequestFailedException e) when (e.Status == StoreFailures.NotFound && !StoreFailures.IsTableNotFound(e))
        {
            return QueueCommitResult.Failed(StoreOutcome.NotFound);
        }
    }

    private static async Task<DestinationPage> ListPageAsync(TableClient table, (string? Filter, int PageSize) query, CancellationToken cancellationToken)
    {
        var (queues, token) = await PartitionPages.ReadAsync(table, query.Filter, query.PageSize, QueueColumns.Destination, cancellationToken).ConfigureAwait(false);
        return new DestinationPage(queues, token);
    }
}
