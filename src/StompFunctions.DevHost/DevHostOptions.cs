using System.Globalization;

namespace StompFunctions.DevHost;

/// <summary>The DevHost's command line: <c>--port</c> and <c>--storage</c>.</summary>
internal sealed record DevHostOptions(int Port, string? Storage)
{
    public const int DefaultPort = 8080;

    public static DevHostOptions FromArgs(string[] args)
    {
        var port = DefaultPort;
        string? storage = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                    {
                        throw new ArgumentException($"--port needs a number from 1 to 65535, not '{args[i]}'.");
                    }
                    break;
                case "--storage" when i + 1 < args.Length:
                    storage = args[++i];
                    break;
                default:
                    break;
            }
        }
        return new DevHostOptions(port, storage);
    }
}
