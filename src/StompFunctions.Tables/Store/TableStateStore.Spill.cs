using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using StompFunctions.Broker.Ports;
using StompFunctions.Rest;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Client.Rest;
using StompFunctions.Tables.Keys;

namespace StompFunctions.Tables.Store;

internal sealed partial class TableStateStore
{
    /// <summary>The most bytes of spilled state one connection can store.</summary>
    internal const int MaxSpillBytes = ChunkedBinary.MaxBytes;

    private static readonly string[] SpillListColumns = ["PartitionKey", Columns.ConnectionId];

    /// <inheritdoc />
    public ValueTask<SpilledState?> ReadSpilledStateAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        return RunAsync(_sessions, "read spilled state", TableKeys.ConnectionPartition(connectionId), ReadSpillAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoreWriteResult> WriteSpilledStateAsync(string connectionId, ReadOnlyMemory<byte> data, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        if (data.Length > MaxSpillBytes)
        {
            throw new StompStoreUnavailableException($"The connection state is {data.Length} bytes; the Table store holds at most {MaxSpillBytes} bytes per connection.");
        }

        var row = ConnectionRow(connectionId, TableKeys.SpillRowKey);
        ChunkedBinary.Write(row, data);

        return RunAsync(_sessions, "write spilled state", (row, etag), WriteSpillAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoreOutcome> DeleteSpilledStateAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        var keys = (TableKeys.ConnectionPartition(connectionId), TableKeys.SpillRowKey, ETag.All);
        return RunAsync(_sessions, "delete spilled state", keys, DeleteAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ConnectionPage> ListSpilledConnectionsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken)
    {
        var pageSize = pageSizeHint is > 0 and <= MaxPageSize ? pageSizeHint : MaxPageSize;

        // Only spill and event-marker rows, only their keys: the token is the last partition key returned and the
        // next page starts after it, as for destinations.
        var filter = string.Concat("(RowKey eq '", TableKeys.SpillRowKey, "' or RowKey eq '", TableKeys.EventRowKey, "')");
        if (continuationToken is not null)
        {
            filter = string.Concat(filter, " and PartitionKey gt '", Quote(continuationToken), "'");
        }

        return RunAsync(_sessions, "list spilled connections", (filter, pageSize), ListSpilledPageAsync, cancellationToken);
    }

    private static async Task<ConnectionPage> ListSpilledPageAsync(TableClient table, (string Filter, int PageSize) query, CancellationToken cancellationToken)
    {
        var connections = new List<string>();
        string? lastPartition = null;
        string? serviceContinuation = null;
        var pages = table.QueryAsync<TableEntity>(query.Filter, query.PageSize, SpillListColumns, cancellationToken).AsPages(null, query.PageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var row in page.Values)
            {
                // Rows come in key order, so a connection with both rows shows up twice in a row.
                if (string.Equals(row.PartitionKey, lastPartition, StringComparison.Ordinal))
                {
                    continue;
                }

                lastPartition = row.PartitionKey;
                connections.Add(TableKeys.IsHashed(row.PartitionKey) ? Required(row, Columns.ConnectionId) : TableKeyEncoding.Decode(row.PartitionKey));
            }

            serviceContinuation = page.ContinuationToken;

            // A page may be empty yet continue (the service stops a scan after 5 s): keep reading then.
            if (connections.Count > 0 || serviceContinuation is null)
            {
                break;
            }
        }

        return new ConnectionPage(connections, serviceContinuation is null ? null : lastPartition);
    }

    private static async Task<SpilledState?> ReadSpillAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.SpillRowKey, null, cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }

        var row = response.Value!;
        var data = ChunkedBinary.Read(row);
        return new SpilledState(data, row.ETag.ToString());
    }

    /// <inheritdoc />
    public ValueTask<EventClaim> ClaimEventAsync(string connectionId, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        var partition = TableKeys.ConnectionPartition(connectionId);
        var nonce = RandomIds.NewGuid().ToString("N");
        return RunAsync(_sessions, "claim event", (_rest, partition, EventMarker(partition, connectionId, nonce), version, nonce), ClaimAsync, cancellationToken);
    }

    /// <summary>A row of the connection's sessions partition; a hashed partition key keeps the id in a column for listing.</summary>
    private static TableEntity ConnectionRow(string connectionId, string rowKey)
    {
        var partition = TableKeys.ConnectionPartition(connectionId);
        var row = new TableEntity(partition, rowKey);
        if (TableKeys.IsHashed(partition))
        {
            row[Columns.ConnectionId] = connectionId;
        }

        return row;
    }

    /// <inheritdoc />
    public ValueTask<StoreOutcome> DeleteEventMarkerAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        var keys = (TableKeys.ConnectionPartition(connectionId), TableKeys.EventRowKey, ETag.All);
        return RunAsync(_sessions, "delete event marker", keys, DeleteAsync, cancellationToken);
    }

    /// <summary>
    /// Insert (no version yet) or replace if-match, through the lean client; only a lost claim (409, 412, or 404 when
    /// the marker is gone) costs a second request, to learn the current version. That read also tells a claim whose
    /// first attempt succeeded but whose answer was lost (the pipeline retried it after a timeout) from one another
    /// attempt won: the marker then carries this claim's own nonce, and the claim stands.
    /// </summary>
    private static async Task<EventClaim> ClaimAsync(
        TableClient table, (TableRestClient Client, string Partition, ReadOnlyMemory<byte> Marker, string? Version, string Nonce) claim, CancellationToken cancellationToken)
    {
        try
        {
            var etag = claim.Version is null
                ? await claim.Client.InsertAsync(table.Name, claim.Marker, cancellationToken).ConfigureAwait(false)
                : await claim.Client.ReplaceAsync(table.Name, claim.Partition, TableKeys.EventRowKey, claim.Marker, claim.Version, cancellationToken).ConfigureAwait(false);
            return new EventClaim(true, etag);
        }
        catch (RequestFailedException e) when (e.Status is StoreFailures.Conflict or StoreFailures.PreconditionFailed
            || (e.Status == StoreFailures.NotFound && !StoreFailures.IsTableNotFound(e)))
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(claim.Partition, TableKeys.EventRowKey, null, cancellationToken).ConfigureAwait(false);
            if (!current.HasValue)
            {
                return new EventClaim(false, null);
            }

            var row = current.Value!;
            var ours = string.Equals(row.GetString(Columns.Claim), claim.Nonce, StringComparison.Ordinal);
            return new EventClaim(ours, row.ETag.ToString());
        }
    }

    /// <summary>The event marker row as JSON: its keys, the connection id when the partition key is hashed (as <see cref="ConnectionRow"/>), and the claim's nonce.</summary>
    private static ReadOnlyMemory<byte> EventMarker(string partition, string connectionId, string nonce)
    {
        var buffer = new ArrayBufferWriter<byte>(112 + partition.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("PartitionKey"u8, partition);
            json.WriteString("RowKey"u8, TableKeys.EventRowKey);
            if (TableKeys.IsHashed(partition))
            {
                json.WriteString(Columns.ConnectionId, connectionId);
            }

            json.WriteString(Columns.Claim, nonce);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static async Task<StoreWriteResult> WriteSpillAsync(TableClient table, (TableEntity Row, string? ETag) write, CancellationToken cancellationToken)
    {
        try
        {
            var response = write.ETag is null
                ? await table.UpsertEntityAsync(write.Row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(write.Row, new ETag(write.ETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new StoreWriteResult(StoreOutcome.Ok, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException e) when (e.Status == StoreFailures.NotFound && !StoreFailures.IsTableNotFound(e))
        {
            return new StoreWriteResult(StoreOutcome.NotFound, null);
        }
        catch (RequestFailedException e) when (e.Status == StoreFailures.PreconditionFailed)
        {
            return new StoreWriteResult(StoreOutcome.Conflict, null);
        }
    }
}
