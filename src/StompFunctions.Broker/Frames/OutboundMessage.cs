using System.Text.Unicode;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Frames;

/// <summary>
/// A message about to be delivered: the destination, the server's message id, the body, and the headers
/// to pass through, either from the SEND frame that produced it or from a publish call.
/// </summary>
internal readonly struct OutboundMessage
{
    public OutboundMessage(string destination, string messageId, ReadOnlyMemory<byte> body, StompFrame source, long? timestamp)
        : this(destination, messageId, body, source, true, null, timestamp, !Utf8.IsValid(body.Span))
    {
    }

    public OutboundMessage(string destination, string messageId, ReadOnlyMemory<byte> body, IReadOnlyList<KeyValuePair<string, string>>? headers, long? timestamp)
        : this(destination, messageId, body, default, false, headers, timestamp, !Utf8.IsValid(body.Span))
    {
    }

    private OutboundMessage(
        string destination, string messageId, ReadOnlyMemory<byte> body, StompFrame source, bool hasSource,
        IReadOnlyList<KeyValuePair<string, string>>? extraHeaders, long? timestamp, bool isBinary)
    {
        Destination = destination;
        MessageId = messageId;
        Body = body;
        Source = source;
        HasSource = hasSource;
        ExtraHeaders = extraHeaders;
        Timestamp = timestamp;
        IsBinary = isBinary;
    }

    public string Destination { get; }

    public string MessageId { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The SEND frame whose user headers pass through (valid only while its buffer is).</summary>
    public StompFrame Source { get; }

    public bool HasSource { get; }

    public IReadOnlyList<KeyValuePair<string, string>>? ExtraHeaders { get; }

    public long? Timestamp { get; }

    /// <summary>A body that is not valid UTF-8 must travel in a binary WebSocket message.</summary>
    public bool IsBinary { get; }

    /// <summary>The same message with its server-assigned id and time (drawn only once someone listens).</summary>
    public OutboundMessage WithIdentity(string messageId, long? timestamp) =>
        new(Destination, messageId, Body, Source, HasSource, ExtraHeaders, timestamp, IsBinary);
}
