using Azure.Data.Tables;
using StompFunctions.Tables.Keys;

namespace StompFunctions.Tables.Store;

/// <summary>
/// Lists the distinct partitions of a table a page at a time, selecting only the key and the column that holds the
/// full name when the key is hashed. The token is the last partition key returned: the next page asks for
/// <c>PartitionKey gt '{token}'</c>, so each partition is listed once however many rows it has.
/// </summary>
internal static class PartitionPages
{
    public static async Task<(List<string> Names, string? Token)> ReadAsync(TableClient table, string? filter, int pageSize, string nameColumn, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? lastPartition = null;
        string? serviceContinuation = null;
        var pages = table.QueryAsync<TableEntity>(filter, pageSize, ["PartitionKey", nameColumn], cancellationToken).AsPages(null, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var row in page.Values)
            {
                if (string.Equals(row.PartitionKey, lastPartition, StringComparison.Ordinal))
                {
                    continue;
                }

                lastPartition = row.PartitionKey;
                names.Add(TableKeys.IsHashed(row.PartitionKey)
                    ? row.GetString(nameColumn) ?? throw new InvalidDataException($"A row with a hashed key lacks its {nameColumn} property; it was not written by this store.")
                    : TableKeyEncoding.Decode(row.PartitionKey));
            }

            serviceContinuation = page.ContinuationToken;

            // A page may be empty yet continue (the service stops a scan after 5 s): keep reading then.
            if (names.Count > 0 || serviceContinuation is null)
            {
                break;
            }
        }

        return (names, serviceContinuation is null ? null : lastPartition);
    }
}
