namespace StompFunctions.Broker.Recovery;

/// <summary>What <see cref="SubscriptionRecovery.BeforeFramesAsync"/> found before a message's frames ran.</summary>
/// <param name="Generation">The store generation read before any frame wrote to the store; null when unknown.</param>
/// <param name="HadSubscriptions">Whether the connection had subscriptions before the frames.</param>
internal readonly record struct RecoveryCheck(string? Generation, bool HadSubscriptions);
