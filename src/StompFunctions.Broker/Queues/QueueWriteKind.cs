namespace StompFunctions.Broker.Queues;

/// <summary>What one <see cref="QueueWrite"/> does to its row.</summary>
public enum QueueWriteKind
{
    /// <summary>Inserts a message; conflicts when the row exists.</summary>
    AddMessage,

    /// <summary>Inserts or replaces a message whatever is there (idempotent dead-lettering).</summary>
    UpsertMessage,

    /// <summary>Changes a message's <c>Deliveries</c>, <c>Owner</c> and <c>LeaseUntil</c>, if its ETag still matches.</summary>
    UpdateMessage,

    /// <summary>Puts a held message back: no owner, no lease, and <c>Deliveries</c> when given; conditional on the ETag.</summary>
    ReleaseMessage,

    /// <summary>Deletes a message if its ETag still matches.</summary>
    DeleteMessage,

    /// <summary>Inserts or replaces a consumer whatever is there (SUBSCRIBE).</summary>
    UpsertConsumer,

    /// <summary>Replaces a consumer if its ETag still matches.</summary>
    ReplaceConsumer,

    /// <summary>Deletes a consumer if its ETag still matches.</summary>
    DeleteConsumer,

    /// <summary>Inserts a connection's mark (no ETag: conflicts when the row exists) or replaces it if its ETag still matches.</summary>
    PutMark,

    /// <summary>Deletes a connection's mark if its ETag still matches.</summary>
    DeleteMark,

    /// <summary>Inserts or replaces a <see cref="QueueSentBatch"/> whatever is there.</summary>
    PutSent,

    /// <summary>Deletes a <see cref="QueueSentBatch"/> if its ETag still matches.</summary>
    DeleteSent,
}
