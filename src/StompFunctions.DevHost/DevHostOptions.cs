using System.Globalization;

namespace StompFunctions.DevHost;

/// <summary>
/// The DevHost's command line: <c>--port</c> (default 8080), <c>--storage</c>, <c>--anonymous</c>, <c>--cors</c>,
/// <c>--log-level</c> and <c>--help</c>. Every mistake is one line naming the option and what it takes.
/// </summary>
internal sealed record DevHostOptions(int Port, string? TableConnectionString, bool AllowAnonymous = false, IReadOnlyList<string>? CorsOrigins = null)
{
    public const int DefaultPort = 8080;

    /// <summary>Azurite's default endpoints (Table service on 127.0.0.1:10002), as every Azure SDK reads it.</summary>
    public const string AzuriteConnectionString = "UseDevelopmentStorage=true";

    public const string Usage =
        """
        Usage: dotnet run --project src/StompFunctions.DevHost -- [options]
          --port <1-65535>        the one port of the whole stack (default 8080)
          --storage <where>       memory (default), azurite (a running Azurite), or a Table Storage connection string
          --anonymous             let clients open the hub without a token (off by default, as in Azure)
          --cors <origins>        origins allowed to call negotiate and publish from a browser:
                                  * (default), none, or a comma list such as http://localhost:5173
          --log-level <level>     Trace, Debug, Information (default), Warning, Error, Critical or None;
                                  Logging__LogLevel__Default and the other Logging__ settings work too
          --help                  this text
        """;

    /// <summary>True when <c>--help</c> (or <c>-h</c>) was given: print <see cref="Usage"/> and exit 0.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>The origins that may call negotiate and publish cross-origin; empty refuses every other origin.</summary>
    public IReadOnlyList<string> AllowedOrigins => CorsOrigins ?? ["*"];

    /// <summary>
    /// <c>--log-level</c>: the lowest level logged. Null keeps the configuration's (<c>Logging__LogLevel__Default</c>
    /// and the other <c>Logging__…</c> environment settings; Information by default).
    /// </summary>
    public LogLevel? MinimumLogLevel { get; init; }

    /// <summary>
    /// <c>--storage memory</c> (the default) keeps state in this process; <c>--storage azurite</c> uses a
    /// running Azurite; any other value is taken as a Table Storage connection string.
    /// </summary>
    public static DevHostOptions FromArgs(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DevHostOptions(DefaultPort, null);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            options = name switch
            {
                "--help" or "-h" or "-?" => options with { ShowHelp = true },
                "--anonymous" => options with { AllowAnonymous = true },
                "--port" => options with { Port = ParsePort(ValueOf(args, ref i)) },
                "--storage" => options with { TableConnectionString = ParseStorage(ValueOf(args, ref i)) },
                "--cors" => options with { CorsOrigins = ParseOrigins(ValueOf(args, ref i)) },
                "--log-level" => options with { MinimumLogLevel = ParseLogLevel(ValueOf(args, ref i)) },
                _ => throw new ArgumentException($"Unknown option '{name}'. Run with --help for the options."),
            };
        }

        return options;
    }

    private static string ValueOf(string[] args, ref int i)
    {
        var name = args[i];
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} needs a value. Run with --help for the options.");
        }

        return args[++i];
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new ArgumentException($"--port needs a number from 1 to 65535, not '{text}'.");

    private static string? ParseStorage(string text) => text switch
    {
        "memory" or "in-memory" => null,
        "azurite" => AzuriteConnectionString,
        var connectionString => connectionString,
    };

    // Names only: Enum.TryParse would also take numbers.
    private static LogLevel ParseLogLevel(string text)
    {
        foreach (var level in Enum.GetValues<LogLevel>())
        {
            if (string.Equals(level.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        throw new ArgumentException($"--log-level needs one of {string.Join(' ', Enum.GetNames<LogLevel>())}, not '{text}'.");
    }

    private static string[] ParseOrigins(string text)
    {
        if (text is "*" or "none")
        {
            return text == "*" ? ["*"] : [];
        }

        var origins = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/" || origin.EndsWith('/'))
            {
                throw new ArgumentException($"--cors takes *, none or origins such as http://localhost:5173 (scheme, host, port; no path), not '{origin}'.");
            }
        }

        return origins.Length > 0 ? origins : throw new ArgumentException("--cors needs *, none or at least one origin.");
    }
}
