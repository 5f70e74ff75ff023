namespace StompFunctions.EventGrid.Parsing;

/// <summary>An Azure event in either schema, reduced to what the mapping and the message need.</summary>
internal sealed record IncomingEvent(
    string Id,
    string Type,
    string? Source,
    string? Subject,
    DateTimeOffset? Time,
    string? DataContentType,
    ReadOnlyMemory<byte> Data);
