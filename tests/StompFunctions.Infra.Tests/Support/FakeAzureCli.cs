namespace StompFunctions.Infra.Tests.Support;

/// <summary>
/// A folder of fake <c>az</c>, <c>azd</c> and <c>sleep</c> programs to put first on PATH: <c>azd env get-values</c>
/// prints the given environment and <c>azd env set</c> adds to it; <c>az</c> records its arguments and the hub
/// parameters file it is handed, and fails with a numbered ResourceGroupNotFound error when told to; <c>sleep</c>
/// returns at once, so retries cost no time.
/// </summary>
internal sealed class FakeAzureCli : IDisposable
{
    private const string CallEnd = "--end-of-call--";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fake-az-");

    public FakeAzureCli(IReadOnlyDictionary<string, string> azdEnvironment)
    {
        Directory.CreateDirectory(BinDirectory);
        File.WriteAllLines(Record("azd-env"), azdEnvironment.Select(pair => $"{pair.Key}=\"{pair.Value}\""));
        WriteProgram("azd", """
            case "$1 $2" in
              "env get-values") cat "$FAKE_DIR/azd-env" ;;
              "env set") printf '%s="%s"\n' "$3" "$4" >> "$FAKE_DIR/azd-env"; printf '%s\n' "$3" >> "$FAKE_DIR/azd-sets" ;;
              *) echo "fake azd: unexpected arguments: $*" >&2; exit 2 ;;
            esac
            """);
        WriteProgram("az", $$"""
            kind="$1-$2"
            count=$(( $(cat "$FAKE_DIR/count-$kind" 2>/dev/null || echo 0) + 1 ))
            echo "$count" > "$FAKE_DIR/count-$kind"
            printf '%s\n' "$@" {{CallEnd}} >> "$FAKE_DIR/az-calls"
            for argument in "$@"; do
              case "$argument" in @*) cp "${argument#@}" "$FAKE_DIR/hub-parameters.json" ;; esac
            done
            failures=0
            case "$kind" in
              functionapp-function) failures=${FAKE_AZ_KEY_FAILURES:-0} ;;
              deployment-group) failures=${FAKE_AZ_DEPLOYMENT_FAILURES:-0} ;;
            esac
            if [ "$count" -le "$failures" ]; then
              echo "ERROR: (ResourceGroupNotFound) Resource group 'rg-test' could not be found. [fake call $count]" >&2
              exit 1
            fi
            """);
        WriteProgram("sleep", """printf '%s\n' "$1" >> "$FAKE_DIR/sleeps" """);
    }

    public string BinDirectory => Path.Combine(_directory.FullName, "bin");

    /// <summary>Environment for the hook: the fakes first on PATH, where they keep their records.</summary>
    public Dictionary<string, string> Environment(int keyFailures = 0, int deploymentFailures = 0) => new()
    {
        ["PATH"] = BinDirectory + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        ["FAKE_DIR"] = _directory.FullName,
        ["FAKE_AZ_KEY_FAILURES"] = keyFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FAKE_AZ_DEPLOYMENT_FAILURES"] = deploymentFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The argument lists of every az call, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> AzCalls()
    {
        var calls = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in ReadLines("az-calls"))
        {
            if (line == CallEnd)
            {
                calls.Add(current);
                current = [];
            }
            else
            {
                current.Add(line);
            }
        }

        return calls;
    }

    /// <summary>Names the hook stored with <c>azd env set</c>.</summary>
    public IReadOnlyList<string> AzdSets() => ReadLines("azd-sets");

    public IReadOnlyList<string> Sleeps() => ReadLines("sleeps");

    /// <summary>The azd environment as the fake holds it now (later values of a name win).</summary>
    public IReadOnlyDictionary<string, string> AzdEnvironment() => ReadLines("azd-env")
        .Select(line => line.Split('=', 2))
        .GroupBy(parts => parts[0])
        .ToDictionary(group => group.Key, group => group.Last()[1].Trim('"'));

    /// <summary>The parameters file the hook handed to <c>az deployment group create</c>, or null.</summary>
    public string? HubParameters() => File.Exists(Record("hub-parameters.json")) ? File.ReadAllText(Record("hub-parameters.json")) : null;

    public void Dispose() => _directory.Delete(recursive: true);

    private string Record(string name) => Path.Combine(_directory.FullName, name);

    private List<string> ReadLines(string name) => File.Exists(Record(name)) ? [.. File.ReadAllLines(Record(name))] : [];

    private void WriteProgram(string name, string body)
    {
        var path = Path.Combine(BinDirectory, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
