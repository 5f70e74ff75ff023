using System.Globalization;
using StompFunctions.Emulator;
using StompFunctions.WebPubSub;

namespace StompFunctions.DevHost;

/// <summary>
/// The DevHost's command line: <c>--port</c> (default 8080), <c>--storage</c>, <c>--emulator</c>, <c>--anonymous</c>,
/// <c>--cors</c>, <c>--log-level</c> and <c>--help</c>. Every mistake is one line naming the option and what it takes.
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
          --emulator <where>      run the app alone against a Web PubSub emulator running elsewhere (the standalone
                                  one), as the Functions app runs beside the service: its URL (with the public
                                  development key) or its connection string; start it with
                                  --hub stomp --upstream http://localhost:<port>/api/webpubsub/{event}
          --anonymous             let clients open the hub without a token (off by default, as in Azure)
          --cors <origins>        origins allowed to call negotiate and publish from a browser:
                                  * (default), none, or a comma list such as http://localhost:5173
          --log-level <level>     Trace, Debug, Information (default), Warning, Error, Critical or None;
                                  Logging__LogLevel__Default and the other Logging__ settings work too
          --help                  this text
        """;

    /// <summary>
    /// <c>--emulator</c>: the connection string of a Web PubSub emulator in another process, which this DevHost then
    /// does not run itself; null runs one in this process, on the DevHost's port.
    /// </summary>
    public string? EmulatorConnectionString { get; init; }

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
                "--emulator" => options with { EmulatorConnectionString = ParseEmulator(ValueOf(args, ref i)) },
                _ => throw new ArgumentException($"Unknown option '{name}'. Run with --help for the options."),
            };
        }

        return options is { AllowAnonymous: true, EmulatorConnectionString: not null }
            ? throw new ArgumentException("--anonymous opens the DevHost's own emulator; with --emulator, start that emulator with --anonymous allow.")
            : options;
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

    /// <summary>An emulator's URL (scheme, host, port) with the public development key, or its whole connection string.</summary>
    private static string ParseEmulator(string text)
    {
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.PathAndQuery == "/"
                ? WebPubSubEmulatorHost.BuildConnectionString(uri, WebPubSubEmulatorOptions.DevelopmentAccessKey)
                : throw new ArgumentException($"--emulator takes a URL such as http://localhost:8081 (scheme, host, port; no path), not '{text}'.");
        }

        // The key is never echoed: only what is wrong with the connection string.
        return WebPubSubConnectionString.TryParse(text, out _, out var error)
            ? text
            : throw new ArgumentException($"--emulator takes the emulator's URL or its connection string, and this connection string is not one: {error}");
    }

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
