using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace StompFunctions.Tables;

/// <summary>Fails start-up with a message naming the setting, instead of the first frame failing later.</summary>
internal sealed partial class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        var failures = new List<string>();
        var section = TableStorageOptions.DefaultSectionName;
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.Endpoint is null)
        {
            failures.Add($"Set {section}:ConnectionString (UseDevelopmentStorage=true for Azurite) or {section}:Endpoint.");
        }

        if (options.Endpoint is { IsAbsoluteUri: false })
        {
            failures.Add($"{section}:Endpoint must be an absolute URI such as https://account.table.core.windows.net/.");
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.Endpoint is { } endpoint && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{section}:Endpoint must use https: the identity's token is only ever sent over TLS (Azurite takes a ConnectionString).");
        }

        CheckTableName(failures, $"{section}:RoutesTable", options.RoutesTable);
        CheckTableName(failures, $"{section}:SessionsTable", options.SessionsTable);
        CheckTableName(failures, $"{section}:QueuesTable", options.QueuesTable);
        string?[] names = [options.RoutesTable, options.SessionsTable, options.QueuesTable];
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length)
        {
            failures.Add($"{section}:RoutesTable, {section}:SessionsTable and {section}:QueuesTable must differ.");
        }

        var retry = options.Retry;
        if (retry is null || retry.MaxRetries < 0 || retry.Delay < TimeSpan.Zero || retry.MaxDelay < retry.Delay || retry.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:Retry needs MaxRetries >= 0, 0 <= Delay <= MaxDelay and a positive NetworkTimeout.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Table Storage: 3-63 alphanumeric characters starting with a letter; "tables" is reserved.
    private static void CheckTableName(List<string> failures, string setting, string? value)
    {
        if (value is null || !TableName().IsMatch(value) || string.Equals(value, "tables", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{setting} must be 3-63 letters and digits starting with a letter (and not 'tables').");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
