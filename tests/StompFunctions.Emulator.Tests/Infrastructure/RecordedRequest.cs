namespace StompFunctions.Emulator.Tests.Infrastructure;

/// <summary>One request the emulator made to the recording upstream, with the id of the TCP connection it came on.</summary>
internal sealed record RecordedRequest(string Method, string Event, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType, string TcpConnectionId)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
