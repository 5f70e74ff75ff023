namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// One request of the lean Table client, whichever way it is sent (<see cref="TableTransport"/>): method and full URL
/// (SAS included), the OData <c>Accept</c>, and for writes the entity JSON with an optional <c>If-Match</c>.
/// </summary>
/// <param name="Method">GET, POST or PUT.</param>
/// <param name="Uri">The full URL, query and SAS included.</param>
/// <param name="Accept">The OData metadata level asked for.</param>
/// <param name="Entity">A write's entity JSON (PartitionKey and RowKey included).</param>
/// <param name="Write">Whether the answer is a write's (201 or 204) rather than a read's (200).</param>
/// <param name="IfMatch">The ETag a conditional write requires.</param>
/// <param name="PreferNoContent">Asks an insert to answer 204 without echoing the entity.</param>
internal readonly record struct TableRequest(HttpMethod Method, Uri Uri, string Accept, ReadOnlyMemory<byte> Entity, bool Write, string? IfMatch = null, bool PreferNoContent = false)
{
    /// <summary>The service version Azure.Data.Tables sends; JSON and bearer tokens need at least 2017-11-09.</summary>
    public const string ServiceVersion = "2020-12-06";

    public bool Accepts(int status) => Write ? status is 201 or 204 : status == 200;
}
