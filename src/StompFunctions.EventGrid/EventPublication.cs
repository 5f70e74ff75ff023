namespace StompFunctions.EventGrid;

/// <summary>One STOMP message an incoming event becomes: where it goes and what it carries.</summary>
/// <param name="Destination">The STOMP destination, already expanded from its route's template.</param>
/// <param name="ContentType">The body's MIME type (the event's data content type).</param>
/// <param name="Body">The event's data, byte for byte.</param>
/// <param name="Headers">Extra headers describing the event (may be empty).</param>
public sealed record EventPublication(
    string Destination,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers);
