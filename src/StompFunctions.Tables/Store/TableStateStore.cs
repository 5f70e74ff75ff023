using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Tables.Client;
using StompFunctions.Tables.Client.Rest;
using StompFunctions.Tables.Keys;

namespace StompFunctions.Tables.Store;

/// <summary>
/// The engine's state store on Azure Table Storage, shared by every function instance. The routes table
/// holds one partition per destination with its route rows (<c>r|group</c>) and member rows
/// (<c>m|group|connection</c>), so SEND is one range query of one partition, SUBSCRIBE one entity-group
/// transaction and UNSUBSCRIBE one delete. The sessions table holds spilled connection state, one
/// partition per connection. docs/table-design.md explains the layout.
/// </summary>
internal sealed partial class TableStateStore : IStompStateStore
{
    private const int MaxPageSize = 1000;

    // Table string properties hold 64 KiB of UTF-16; a longer destination could not be stored with a hashed key.
    private const int MaxStoredNameChars = 32 * 1024;

    private static readonly string SkipMarker = $"PartitionKey ne '{GenerationMarker.Partition}'";
    private static readonly string[] RouteColumns = ["PartitionKey", Columns.SubscriptionId, Columns.AckMode, Columns.Group, Columns.Pattern];

    private readonly ProvisionedTable _routes;
    private readonly ProvisionedTable _sessions;
    private readonly TableCalls _calls;

    // The SEND path (routes query, event claim) goes through the lean REST client; everything else through the SDK.
    private readonly TableRestClient _rest;
    private readonly TableQuery _routeQuery;
    private readonly RouteFilters _routeFilters = new();

    public TableStateStore(TableServiceClient service, TableStorageOptions options, ILogger<TableStateStore>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _routes = new ProvisionedTable(service.GetTableClient(options.RoutesTable), options.CreateTablesIfMissing);
        _sessions = new ProvisionedTable(service.GetTableClient(options.SessionsTable), options.CreateTablesIfMissing);
        _calls = new TableCalls(logger ?? (ILogger)NullLogger.Instance, timeProvider ?? TimeProvider.System);
        _rest = TableRestClient.Create(service, options, timeProvider ?? TimeProvider.System);
        _routeQuery = _rest.Query(options.RoutesTable, RouteColumns);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StompRoute>> GetRoutesAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var filter = _routeFilters.For(destination);
        var query = new RouteQuery(destination, filter.Partition, filter.Index, filter.Filter);
        return RunAsync(_routes, "read routes", (_routeQuery, query), ReadRoutesAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StompRoute>> GetRoutesWithIndexAsync(string destination, string index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(index);

        // One query over both partitions: one request unless the service pages at the partition boundary (then two).
        var filter = _routeFilters.WithIndex(destination, index);
        return RunAsync(_routes, "read routes", (_routeQuery, new RouteQuery(destination, filter.Partition, filter.Index, filter.Filter)), ReadRoutesAsync, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask AddSubscriptionAsync(StompRoute route, StompMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(member);
        if (!string.Equals(route.Destination, member.Destination, StringComparison.Ordinal)
            || !string.Equals(route.Group, member.Group, StringComparison.Ordinal))
        {
            throw new ArgumentException("The member must belong to the route's destination and group.", nameof(member));
        }

        var partition = DestinationKey(route.Destination);
        var routeRow = new TableEntity(partition, TableKeys.RouteRow(route.Group))
        {
            [Columns.SubscriptionId] = route.SubscriptionId,
            [Columns.AckMode] = (int)route.AckMode,
            [Columns.Group] = route.Group,
        };
        if (route.Pattern is not null)
        {
            routeRow[Columns.Pattern] = route.Pattern;
        }

        var memberRow = new TableEntity(partition, TableKeys.MemberRow(member.Group, member.ConnectionId))
        {
            [Columns.Group] = member.Group,
            [Columns.ConnectionId] = member.ConnectionId,
        };
        if (member.UserId is not null)
        {
            memberRow[Columns.UserId] = member.UserId;
        }

        if (TableKeys.IsHashed(partition))
        {
            routeRow[Columns.Destination] = route.Destination;
            memberRow[Columns.Destination] = route.Destination;
        }

        // One entity-group transaction: both rows or neither. Replacing the route always gives it a new
        // ETag, which is what makes the collector's conditional delete lose against this SUBSCRIBE.
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpsertReplace, routeRow),
            new(TableTransactionActionType.UpsertReplace, memberRow),
        ];
        await RunAsync(_routes, "add subscription", actions, SubmitAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<StoreOutcome> RemoveMemberAsync(string destination, string group, string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(connectionId);
        var keys = (DestinationKey(destination), TableKeys.MemberRow(group, connectionId), ETag.All);
        return RunAsync(_routes, "remove member", keys, DeleteAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<DestinationSnapshot> ReadDestinationAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var filter = PartitionFilter(DestinationKey(destination));
        return RunAsync(_routes, "read destination", (destination, filter), ReadSnapshotAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoreOutcome> DeleteRouteAsync(string destination, string group, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(etag);
        var keys = (DestinationKey(destination), TableKeys.RouteRow(group), new ETag(etag));
        return RunAsync(_routes, "delete route", keys, DeleteAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<DestinationPage> ListDestinationsAsync(string? continuationToken, int pageSizeHint, CancellationToken cancellationToken)
    {
        var pageSize = pageSizeHint is > 0 and <= MaxPageSize ? pageSizeHint : MaxPageSize;

        // The token is the last partition key returned: the next page starts after that partition,
        // so a destination is listed once however many rows it has. The generation marker is no destination.
        var filter = continuationToken is null ? SkipMarker : $"PartitionKey gt '{Quote(continuationToken)}' and {SkipMarker}";
        return RunAsync(_routes, "list destinations", (filter, pageSize), ListPageAsync, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<string> GetGenerationAsync(CancellationToken cancellationToken) =>
        RunAsync(_routes, "read store generation", 0, GenerationMarker.ReadOrCreateAsync, cancellationToken);

    private static async Task<IReadOnlyList<StompRoute>> ReadRoutesAsync(TableClient table, (TableQuery Lean, RouteQuery Query) read, CancellationToken cancellationToken)
    {
        // A second attempt (after the table was created again) starts from nothing.
        read.Query.Routes.Clear();
        await read.Lean.ReadAsync(read.Query.Filter, read.Query, RouteRows.ReadPage, cancellationToken).ConfigureAwait(false);
        return read.Query.Routes;
    }

    private static async Task<DestinationSnapshot> ReadSnapshotAsync(TableClient table, (string Destination, string Filter) query, CancellationToken cancellationToken)
    {
        var routes = new List<StompRoute>();
        var members = new List<StompMember>();
        await foreach (var row in table.QueryAsync<TableEntity>(query.Filter, MaxPageSize, null, cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith(TableKeys.RoutePrefix, StringComparison.Ordinal))
            {
                routes.Add(ToRoute(query.Destination, row));
            }
            else if (row.RowKey.StartsWith(TableKeys.MemberPrefix, StringComparison.Ordinal))
            {
                members.Add(new StompMember(query.Destination, Required(row, Columns.Group), Required(row, Columns.ConnectionId), row.GetString(Columns.UserId)));
            }
        }

        return new DestinationSnapshot(routes, members);
    }

    private static async Task<DestinationPage> ListPageAsync(TableClient table, (string? Filter, int PageSize) query, CancellationToken cancellationToken)
    {
        var (destinations, token) = await PartitionPages.ReadAsync(table, query.Filter, query.PageSize, Columns.Destination, cancellationToken).ConfigureAwait(false);
        return new DestinationPage(destinations, token);
    }

    private static async Task<bool> SubmitAsync(TableClient table, TableTransactionAction[] actions, CancellationToken cancellationToken)
    {
        await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<StoreOutcome> DeleteAsync(TableClient table, (string Partition, string Row, ETag ETag) keys, CancellationToken cancellationToken)
    {
        try
        {
            // The client treats 404 on delete as success; its status tells the outcomes apart.
            var response = await table.DeleteEntityAsync(keys.Partition, keys.Row, keys.ETag, cancellationToken).ConfigureAwait(false);
            return response.Status == StoreFailures.NotFound ? StoreOutcome.NotFound : StoreOutcome.Ok;
        }
        catch (RequestFailedException e) when (e.Status == StoreFailures.NotFound && !StoreFailures.IsTableNotFound(e))
        {
            return StoreOutcome.NotFound;
        }
        catch (RequestFailedException e) when (e.Status == StoreFailures.PreconditionFailed)
        {
            return StoreOutcome.Conflict;
        }
    }

    private static StompRoute ToRoute(string destination, TableEntity row) => new(
        destination,
        Required(row, Columns.SubscriptionId),
        (StompAckMode)(row.GetInt32(Columns.AckMode) ?? throw Corrupt(Columns.AckMode)),
        Required(row, Columns.Group),
        row.ETag.ToString(),
        row.GetString(Columns.Pattern));

    private static string Required(TableEntity row, string column) => row.GetString(column) ?? throw Corrupt(column);

    internal static InvalidDataException Corrupt(string column) =>
        new($"A row of the state store lacks its {column} property; it was not written by this store.");

    internal static string DestinationKey(string destination)
    {
        if (destination.Length > MaxStoredNameChars)
        {
            // Reached only if the frame limits allow header lines over 64 KiB; the engine turns it into an ERROR.
            throw new StompStoreUnavailableException($"The destination is longer than the Table store can hold ({MaxStoredNameChars} characters).");
        }

        return TableKeys.DestinationPartition(destination);
    }

    // Encoded keys never contain a quote (the encoder escapes it), so they go into filters as they are.
    private static string PartitionFilter(string partition) => string.Concat("PartitionKey eq '", Quote(partition), "'");

    // Tokens come from callers: quote them anyway so a forged one cannot change the filter.
    internal static string Quote(string value) => value.Contains('\'', StringComparison.Ordinal) ? value.Replace("'", "''", StringComparison.Ordinal) : value;
}
