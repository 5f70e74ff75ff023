namespace StompFunctions.Broker.Ports;

/// <summary>The outcome of a write that yields a new version.</summary>
/// <param name="Outcome">Whether the write was applied.</param>
/// <param name="ETag">The new ETag when <see cref="Outcome"/> is <see cref="StoreOutcome.Ok"/>; otherwise null.</param>
public readonly record struct StoreWriteResult(StoreOutcome Outcome, string? ETag);
