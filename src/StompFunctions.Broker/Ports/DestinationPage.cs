namespace StompFunctions.Broker.Ports;

/// <summary>One page of destinations that have routes or members.</summary>
/// <param name="Destinations">Distinct destinations of this page.</param>
/// <param name="ContinuationToken">Opaque token for the next page; null on the last page.</param>
public sealed record DestinationPage(IReadOnlyList<string> Destinations, string? ContinuationToken);
