namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// What a successful <see cref="TableRequest"/> answered: the body (a query page), the ETag (a write's) and the
/// continuation of a query. Valid until disposed, which releases the response that holds the body.
/// </summary>
internal sealed class TableAnswer(ReadOnlyMemory<byte> body, string? etag, string? nextPartition, string? nextRow, IDisposable response) : IDisposable
{
    public ReadOnlyMemory<byte> Body { get; } = body;

    public string? ETag { get; } = etag;

    public string? NextPartition { get; } = nextPartition;

    public string? NextRow { get; } = nextRow;

    public void Dispose() => response.Dispose();
}
