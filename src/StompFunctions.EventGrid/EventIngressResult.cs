namespace StompFunctions.EventGrid;

/// <summary>What <see cref="EventGridIngress"/> did with one delivery.</summary>
/// <param name="Events">Events the delivery held (0 when it could not be read).</param>
/// <param name="Messages">STOMP messages published.</param>
/// <param name="Routes">Group sends those messages cost (0 when nobody was subscribed).</param>
/// <param name="Dropped">Events that became no message: unrouted, rejected, or the whole delivery when unreadable.</param>
/// <param name="Error">Why the delivery could not be read; null when it could.</param>
public sealed record EventIngressResult(int Events, int Messages, int Routes, int Dropped, string? Error);
