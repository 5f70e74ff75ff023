using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using StompFunctions.Tables.Client;

namespace StompFunctions.Tables.Store;

/// <summary>
/// The store generation's row in the routes table (docs/table-design.md, "Store generation"): a partition of its own
/// whose key no destination encodes to (the key encoder follows <c>!</c> with two hex digits), holding a random id (64 bits, short: each connection state carries one).
/// When the row is missing (a new table, or one recreated after Azurite lost it) the first reader inserts a new id;
/// a concurrent inserter's 409 makes it read the winner's, so every instance agrees.
/// </summary>
internal static class GenerationMarker
{
    /// <summary>The marker's partition key; the destination listing skips it.</summary>
    public const string Partition = "!store";

    private const string Row = "generation";
    private static readonly string[] Selected = [Columns.Generation];

    public static async Task<string> ReadOrCreateAsync(TableClient table, int attempt, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, Selected, cancellationToken).ConfigureAwait(false);
        if (found.HasValue)
        {
            return Read(found.Value!);
        }

        var fresh = new TableEntity(Partition, Row) { [Columns.Generation] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
        try
        {
            await table.AddEntityAsync(fresh, cancellationToken).ConfigureAwait(false);
            return Read(fresh);
        }
        catch (RequestFailedException e) when (e.Status == StoreFailures.Conflict)
        {
            var winner = await table.GetEntityAsync<TableEntity>(Partition, Row, Selected, cancellationToken).ConfigureAwait(false);
            return Read(winner.Value);
        }
    }

    private static string Read(TableEntity row) =>
        row.GetString(Columns.Generation) ?? throw new InvalidDataException($"The store generation row lacks its {Columns.Generation} property; it was not written by this store.");
}
