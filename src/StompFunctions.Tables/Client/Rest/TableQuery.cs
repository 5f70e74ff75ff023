using Azure.Core;
using StompFunctions.Rest;

namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// A query of one table with fixed <c>$top</c> and <c>$select</c>: the URL up to the filter, made once
/// (<see cref="TableRestClient.Query"/>), and each filter's first-page URL, made once per filter (the filters of a SEND are per destination).
/// </summary>
internal sealed class TableQuery
{
    private readonly BoundedMap<Uri> _firstPages;

    public TableQuery(TableRestClient client, Uri prefix)
    {
        Client = client;
        Prefix = prefix;
        _firstPages = new(filter =>
        {
            var uri = new RequestUriBuilder();
            uri.Reset(Prefix);
            uri.AppendQuery("$filter", filter, escapeValue: true);
            return uri.ToUri();
        });
    }

    public TableRestClient Client { get; }

    /// <summary>Endpoint, table, SAS if any, <c>$top</c> and <c>$select</c>; the filter and continuation follow.</summary>
    public Uri Prefix { get; }

    /// <summary>The URL of the first page of <paramref name="filter"/>; continuation keys are appended to it.</summary>
    public Uri FirstPage(string filter) => _firstPages.Get(filter);

    /// <inheritdoc cref="TableRestClient.QueryAsync"/>
    public Task ReadAsync<TState>(string filter, TState state, Action<ReadOnlyMemory<byte>, TState> readPage, CancellationToken cancellationToken) =>
        Client.QueryAsync(this, filter, state, readPage, cancellationToken);
}
