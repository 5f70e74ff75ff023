namespace StompFunctions.Emulator.Tests.Infrastructure;

/// <summary>What the recording upstream answers.</summary>
internal sealed record UpstreamReply(int Status, string? ContentType = null, byte[]? Body = null, string? State = null)
{
    public static UpstreamReply Ok { get; } = new(200);

    public static UpstreamReply Json(string json, string? state = null) => new(200, "application/json", System.Text.Encoding.UTF8.GetBytes(json), state);

    public static UpstreamReply Text(string text, string? state = null) => new(200, "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(text), state);
}
