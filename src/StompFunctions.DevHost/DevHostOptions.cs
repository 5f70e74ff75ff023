using System.Globalization;

namespace StompFunctions.DevHost;

/// <summary>The DevHost's command line: <c>--port</c> (default 8080) and <c>--storage</c>.</summary>
internal sealed record DevHostOptions(int Port, string? TableConnectionString)
{
    public const int DefaultPort = 8080;

    /// <summary>Azurite's default endpoints (Table service on 127.0.0.1:10002), as every Azure SDK reads it.</summary>
    public const string AzuriteConnectionString = "UseDevelopmentStorage=true";

    /// <summary>
    /// <c>--storage memory</c> (the default) keeps state in this process; <c>--storage azurite</c> uses a
    /// running Azurite; any other value is taken as a Table Storage connection string.
    /// </summary>
    public static DevHostOptions FromArgs(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var port = DefaultPort;
        string? tables = null;
        for (var i = 0; i < args.Length; i++)
        {
            var hasValue = i + 1 < args.Length;
            switch (args[i])
            {
                case "--port" when hasValue:
                    var text = args[++i];
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                    {
                        throw new ArgumentException($"--port needs a number from 1 to 65535, not '{text}'.");
                    }

                    break;
                case "--storage" when hasValue:
                    tables = args[++i] switch
                    {
                        "memory" or "in-memory" => null,
                        "azurite" => AzuriteConnectionString,
                        var connectionString => connectionString,
                    };
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown or incomplete option '{args[i]}'. Usage: --port <1-65535> --storage <memory|azurite|Table connection string>");
            }
        }

        return new DevHostOptions(port, tables);
    }
}
