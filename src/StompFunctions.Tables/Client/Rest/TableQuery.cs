namespace StompFunctions.Tables.Client.Rest;

/// <summary>A query of one table with fixed <c>$top</c> and <c>$select</c>: the URL up to the filter, made once (<see cref="TableRestClient.Query"/>).</summary>
internal sealed class TableQuery(TableRestClient client, Uri prefix)
{
    public TableRestClient Client { get; } = client;

    /// <summary>Endpoint, table, SAS if any, <c>$top</c> and <c>$select</c>; the filter and continuation follow.</summary>
    public Uri Prefix { get; } = prefix;

    /// <inheritdoc cref="TableRestClient.QueryAsync"/>
    public Task ReadAsync<TState>(string filter, TState state, Action<ReadOnlyMemory<byte>, TState> readPage, CancellationToken cancellationToken) =>
        Client.QueryAsync(this, filter, state, readPage, cancellationToken);
}
