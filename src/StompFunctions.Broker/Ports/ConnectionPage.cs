namespace StompFunctions.Broker.Ports;

/// <summary>One page of connections that have spilled state.</summary>
/// <param name="ConnectionIds">Distinct connection ids of this page.</param>
/// <param name="ContinuationToken">Opaque token for the next page; null on the last page.</param>
public sealed record ConnectionPage(IReadOnlyList<string> ConnectionIds, string? ContinuationToken);
