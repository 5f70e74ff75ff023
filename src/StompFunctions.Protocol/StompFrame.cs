using System.Text.Unicode;
using StompFunctions.Protocol.Headers;

namespace StompFunctions.Protocol;

/// <summary>
/// A parsed frame. It is a view over the bytes it was read from: headers and body are slices of that
/// memory, so the frame is only valid while the caller keeps the buffer (call <see cref="Detach"/> to
/// keep a frame longer).
/// </summary>
public readonly struct StompFrame
{
    internal StompFrame(StompCommand command, StompVersion version, StompHeaders headers, ReadOnlyMemory<byte> body)
    {
        Command = command;
        Version = version;
        Headers = headers;
        Body = body;
    }

    /// <summary>The command.</summary>
    public StompCommand Command { get; }

    /// <summary>The version whose rules the frame was read with (escaping, line ends).</summary>
    public StompVersion Version { get; }

    /// <summary>The headers in wire order; lookups return the first of repeated names.</summary>
    public StompHeaders Headers { get; }

    /// <summary>The body octets (NULs included when the frame had <c>content-length</c>).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>True when the body is valid UTF-8, so the frame can travel as a text WebSocket message.</summary>
    public bool IsBodyValidUtf8() => Utf8.IsValid(Body.Span);

    /// <summary>The body decoded as UTF-8 (allocates; invalid sequences become U+FFFD).</summary>
    public string GetBodyAsString() => System.Text.Encoding.UTF8.GetString(Body.Span);

    /// <summary>A copy of this frame that owns its bytes (one array for headers and body).</summary>
    public StompFrame Detach()
    {
        var block = Headers.RawBlock;
        var copy = new byte[block.Length + Body.Length];
        block.Span.CopyTo(copy);
        Body.Span.CopyTo(copy.AsSpan(block.Length));
        var memory = new ReadOnlyMemory<byte>(copy);
        return new StompFrame(Command, Version, Headers.WithBlock(memory[..block.Length]), memory[block.Length..]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Command.GetName()} ({Headers.Count} headers, {Body.Length} body bytes)";

    internal HeaderEscapeMode EscapeMode => Headers.Mode;
}
