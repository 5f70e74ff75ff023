using System.Globalization;

namespace StompFunctions.Emulator.Standalone;

/// <summary>
/// The standalone emulator's command line, checked before anything starts: every option is known, has its value
/// and a valid one, or the program prints one line and exits 2. The result feeds configuration under the same keys
/// (<c>port</c>, <c>hub</c>, <c>upstream</c>, …) that <see cref="StandaloneSettings"/> reads.
/// </summary>
internal sealed class StandaloneArguments
{
    public const string Usage =
        """
        Usage: dotnet run --project src/StompFunctions.Emulator -- [options]
          --port <1-65535>           port to listen on (default 8080)
          --host <name>              host name to listen on and to put in URLs (default localhost)
          --hub <name>               the hub the options below configure (default: any hub)
          --upstream <url template>  event handler URL, with {hub} and {event}, e.g. http://localhost:7071/api/webpubsub/{event}
          --user-events <pattern>    user events sent upstream (default *)
          --system-events <list>     comma list of connect, connected, disconnected (default all three)
          --anonymous <allow|deny>   whether clients may connect without a token (default deny)
          --access-key <key>         the key of the connection string (default: the public development key)
          --config <file.json>       a WebPubSub section with several hubs (docs/local-development.md)
          --help                     this text
        """;

    private static readonly string[] SystemEvents = ["connect", "connected", "disconnected"];

    private StandaloneArguments(Dictionary<string, string?> values, bool showHelp)
    {
        Values = values;
        ShowHelp = showHelp;
    }

    /// <summary>Configuration keys and values, for <c>AddInMemoryCollection</c>.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; }

    /// <summary>True when <c>--help</c> was given: print <see cref="Usage"/> and exit 0.</summary>
    public bool ShowHelp { get; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a one-line message.</summary>
    public static StandaloneArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h" or "-?")
            {
                help = true;
                continue;
            }

            var key = name.StartsWith("--", StringComparison.Ordinal) ? name[2..] : null;
            if (key is null || !IsKnown(key))
            {
                throw new ArgumentException($"Unknown option '{name}'. Run with --help for the options.");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) || args[i + 1].Length == 0)
            {
                throw new ArgumentException($"{name} needs a value. Run with --help for the options.");
            }

            var value = args[++i];
            Validate(key, value);
            values[key] = value;
        }

        return new StandaloneArguments(values, help);
    }

    private static bool IsKnown(string key) =>
        key is "port" or "host" or "hub" or "upstream" or "user-events" or "system-events" or "anonymous" or "access-key" or "config";

    private static void Validate(string key, string value)
    {
        var problem = key switch
        {
            "port" when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535
                => $"--port needs a number from 1 to 65535, not '{value}'.",
            "anonymous" when value is not ("allow" or "deny")
                => $"--anonymous takes allow or deny, not '{value}'.",
            "hub" when !Hubs.NameRules.IsValidHub(value)
                => $"--hub '{value}' is not a valid hub name (a letter, then letters, digits or _).",
            "upstream" when !Uri.TryCreate(value.Replace("{hub}", "h", StringComparison.Ordinal).Replace("{event}", "e", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")
                => $"--upstream needs an http(s) URL template such as http://localhost:7071/api/webpubsub/{{event}}, not '{value}'.",
            "system-events" when value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(e => !SystemEvents.Contains(e)) is { } unknown
                => $"--system-events takes connect, connected and disconnected, not '{unknown}'.",
            "config" when !File.Exists(value)
                => $"--config: the file '{value}' does not exist.",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }
    }
}
