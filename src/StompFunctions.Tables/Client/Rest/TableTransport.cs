namespace StompFunctions.Tables.Client.Rest;

/// <summary>How the lean client's requests leave the process: Azure.Core's pipeline, or straight through HttpClient.</summary>
internal abstract class TableTransport
{
    public const string NextPartitionHeader = "x-ms-continuation-NextPartitionKey";
    public const string NextRowHeader = "x-ms-continuation-NextRowKey";

    /// <summary>Sends <paramref name="request"/>; a status it does not accept is thrown as a <see cref="Azure.RequestFailedException"/> with the service's error code.</summary>
    public abstract Task<TableAnswer> SendAsync(TableRequest request, CancellationToken cancellationToken);
}
