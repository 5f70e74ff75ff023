using System.Diagnostics.CodeAnalysis;

namespace StompFunctions.EventGrid;

/// <summary>What one Event Grid delivery became.</summary>
/// <param name="Publications">The STOMP messages to publish, in event order.</param>
/// <param name="EventCount">How many events the delivery held.</param>
/// <param name="UnroutedCount">Events that matched no route and were dropped (no unmatched destination configured).</param>
/// <param name="RejectedCount">Events whose values could not be put into a destination (control characters).</param>
/// <param name="Error">Why the whole delivery could not be read; null when it could.</param>
public sealed record EventMappingResult(
    IReadOnlyList<EventPublication> Publications,
    int EventCount,
    int UnroutedCount,
    int RejectedCount,
    string? Error)
{
    /// <summary>Whether the delivery could be read at all.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;
}
