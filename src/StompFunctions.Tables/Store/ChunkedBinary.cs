using System.Globalization;
using Azure.Data.Tables;

namespace StompFunctions.Tables.Store;

/// <summary>
/// Bytes stored in one row as binary properties of 64 KiB (the property limit) and their total length: spilled
/// connection state and queue message bodies. Azurite measures an entity as base64 JSON (4/3 of the bytes) and
/// an entity is at most 1 MiB, so 11 chunks (704 KiB) is what fits everywhere.
/// </summary>
internal static class ChunkedBinary
{
    public const int ChunkBytes = 64 * 1024;
    public const int MaxChunks = 11;
    public const int MaxBytes = ChunkBytes * MaxChunks;

    private static readonly string[] ChunkNames = [.. Enumerable.Range(0, MaxChunks).Select(i => Columns.SpillChunkPrefix + i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Writes the length and the chunks (copies: the caller may reuse its buffer once the call returns).</summary>
    public static void Write(TableEntity row, ReadOnlyMemory<byte> data)
    {
        row[Columns.SpillLength] = data.Length;
        for (var chunk = 0; chunk * ChunkBytes < data.Length; chunk++)
        {
            row[ChunkNames[chunk]] = data.Slice(chunk * ChunkBytes, Math.Min(ChunkBytes, data.Length - (chunk * ChunkBytes))).ToArray();
        }
    }

    public static byte[] Read(TableEntity row)
    {
        var length = row.GetInt32(Columns.SpillLength) ?? throw Missing(Columns.SpillLength);
        var data = new byte[length];
        for (var chunk = 0; chunk * ChunkBytes < length; chunk++)
        {
            var bytes = row.GetBinary(ChunkNames[chunk]) ?? throw Missing(ChunkNames[chunk]);
            bytes.CopyTo(data, chunk * ChunkBytes);
        }

        return data;
    }

    private static InvalidDataException Missing(string column) =>
        new($"A row of the store lacks its {column} property; it was not written by this store.");
}
