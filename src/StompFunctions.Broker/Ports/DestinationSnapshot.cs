namespace StompFunctions.Broker.Ports;

/// <summary>Everything the store holds for one destination, read in one partition query.</summary>
/// <param name="Routes">The routes, each with the ETag it had when read.</param>
/// <param name="Members">The members of those routes' groups.</param>
public sealed record DestinationSnapshot(IReadOnlyList<StompRoute> Routes, IReadOnlyList<StompMember> Members);
