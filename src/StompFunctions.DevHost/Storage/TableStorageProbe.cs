using Azure;
using Azure.Data.Tables;

namespace StompFunctions.DevHost.Storage;

/// <summary>
/// Checks, before anything starts, that the Table Storage given with <c>--storage</c> answers, so that a
/// newcomer who forgot to start Azurite reads one clear sentence instead of a failing first SUBSCRIBE.
/// The DevHost starts nothing itself.
/// </summary>
internal static class TableStorageProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Returns null when the service answered, or the message to print (never the account key).</summary>
    public static async Task<string?> FindProblemAsync(string connectionString)
    {
        TableServiceClient client;
        try
        {
            var options = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = Timeout } };
            client = new TableServiceClient(connectionString, options);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return "--storage: not a valid Table Storage connection string (expected 'azurite', 'memory' or a connection string).";
        }

        var where = client.Uri.GetLeftPart(UriPartial.Authority);
        try
        {
            using var cancel = new CancellationTokenSource(Timeout);
            await foreach (var page in client.QueryAsync(maxPerPage: 1, cancellationToken: cancel.Token).AsPages().ConfigureAwait(false))
            {
                _ = page;
                break;
            }

            return null;
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            return $"Table Storage at {where} refused the credentials of the connection string ({e.Status}).";
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
        {
            var hint = connectionString == DevHostOptions.AzuriteConnectionString
                ? " Start Azurite first, e.g. `npx azurite-table --inMemoryPersistence` from the repository root."
                : "";
            return $"Cannot reach Table Storage at {where}: {FirstLine(e.Message)}.{hint}";
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
