using System.Text;
using System.Text.Json;

namespace StompFunctions.Protocol.Tests.Support;

/// <summary>A golden fixture: raw bytes in Golden/NAME.stomp and their expected decoded form in Golden/NAME.json.</summary>
internal sealed record GoldenFrame(string Name, StompVersion Version, byte[] Raw, bool Canonical, List<DecodedFrame> Frames, StompParseError Error)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.stomp").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static GoldenFrame Load(string name)
    {
        var raw = File.ReadAllBytes(Path.Combine(Directory, name + ".stomp"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")));
        var root = json.RootElement;
        StompVersionNegotiation.TryParseVersion(root.GetProperty("version").GetString(), out var version);
        var frames = root.GetProperty("frames").EnumerateArray().Select(ParseFrame).ToList();
        var error = root.TryGetProperty("error", out var e) ? Enum.Parse<StompParseError>(e.GetString()!) : StompParseError.None;
        var canonical = root.TryGetProperty("canonical", out var c) && c.GetBoolean();
        return new GoldenFrame(name, version, raw, canonical, frames, error);
    }

    public override string ToString() => Name;

    private static DecodedFrame ParseFrame(JsonElement element)
    {
        var command = Enum.Parse<StompCommand>(element.GetProperty("command").GetString()!, ignoreCase: true);
        var headers = element.GetProperty("headers").EnumerateArray()
            .Select(h => new KeyValuePair<string, string>(h[0].GetString()!, h[1].GetString()!))
            .ToList();
        var body = element.TryGetProperty("bodyBase64", out var b64) ? Convert.FromBase64String(b64.GetString()!)
            : element.TryGetProperty("body", out var text) ? Encoding.UTF8.GetBytes(text.GetString()!)
            : [];
        return new DecodedFrame(command, headers, body);
    }
}
