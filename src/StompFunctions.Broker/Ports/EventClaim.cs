namespace StompFunctions.Broker.Ports;

/// <summary>The answer to <see cref="IStompStateStore.ClaimEventAsync"/>.</summary>
/// <param name="Claimed">True when the caller may apply the event; false when another attempt of it (or a later event) claimed first.</param>
/// <param name="Version">The marker's version now: the new one when claimed, else the current one (null when the marker is gone).</param>
public readonly record struct EventClaim(bool Claimed, string? Version);
