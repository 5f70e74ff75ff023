namespace StompFunctions.Broker.Errors;

/// <summary>
/// Why the engine refused a frame or a whole event. Each value ends the session with an ERROR frame and a
/// close; <see cref="EngineFailure.For"/> holds the one table of the texts clients see.
/// </summary>
internal enum EngineError : byte
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The <c>ce-connectionState</c> value (or its spilled part) could not be read.</summary>
    InvalidConnectionState,

    /// <summary>The state store failed before any frame of the event was handled.</summary>
    StoreUnavailable,

    /// <summary>The state store failed while a frame was being handled.</summary>
    StoreFailedDuringFrame,

    /// <summary>The frames were handled but the session could not be saved.</summary>
    StateNotSaved,

    /// <summary>The store lost the connection's routes (a new store generation) and writing them again failed.</summary>
    SubscriptionsNotRestored,

    /// <summary>The notice to connections whose routes the store lost while they sent nothing to restore them.</summary>
    SubscriptionsLost,

    /// <summary>The session would exceed <see cref="StompBrokerOptions.MaxConnectionStateBytes"/>.</summary>
    SessionTooLarge,

    /// <summary>A frame split across messages left more than <see cref="StompBrokerOptions.MaxPendingFrameBytes"/> for its next part.</summary>
    PendingFrameTooLarge,

    /// <summary>The codec refused the bytes; the <c>message</c> is the codec's.</summary>
    UnparsableFrame,

    /// <summary>An exception escaped a handler, a hook or a port.</summary>
    InternalError,

    /// <summary>A frame other than CONNECT/STOMP arrived before CONNECT.</summary>
    NotConnected,

    /// <summary>CONNECT on an established session.</summary>
    AlreadyConnected,

    /// <summary>A command a client may not send (CONNECTED, MESSAGE, RECEIPT, ERROR).</summary>
    UnexpectedCommand,

    /// <summary>NACK in a STOMP 1.0 session.</summary>
    NackInVersion10,

    /// <summary>No version both sides support.</summary>
    UnsupportedVersion,

    /// <summary>A <c>heart-beat</c> header that is not two non-negative integers.</summary>
    InvalidHeartBeat,

    /// <summary>A CONNECT hook refused the connection; the <c>message</c> is the hook's.</summary>
    ConnectRejected,

    /// <summary>Middleware, a handler or an authorization/ACK hook rejected the frame with its own texts.</summary>
    Rejected,

    /// <summary>SEND or SUBSCRIBE without <c>destination</c>.</summary>
    MissingDestination,

    /// <summary>A destination with no handler and no broker prefix.</summary>
    UnknownDestination,

    /// <summary>A SEND (or publish) to a topic holding <c>*</c> or <c>#</c>: those are for SUBSCRIBE only.</summary>
    WildcardSend,

    /// <summary>A SUBSCRIBE whose topic uses <c>*</c> or <c>#</c> inside a word rather than as a word of its own.</summary>
    InvalidTopicPattern,

    /// <summary>A SUBSCRIBE to <c>/user/…</c> by a session that has no user.</summary>
    UserDestinationWithoutUser,

    /// <summary>A <c>/user/…</c> destination of the wrong shape (SUBSCRIBE <c>/user/queue/NAME</c>, SEND <c>/user/{user}/queue/NAME</c>).</summary>
    InvalidUserDestination,

    /// <summary>SUBSCRIBE without <c>id</c> (1.1, 1.2).</summary>
    MissingSubscriptionId,

    /// <summary>SUBSCRIBE with an <c>ack</c> value the version does not define.</summary>
    InvalidAckMode,

    /// <summary>SUBSCRIBE to a queue with a <c>prefetch-count</c> that is not a whole number from 1 up.</summary>
    InvalidPrefetchCount,

    /// <summary>SUBSCRIBE with an id the connection already uses.</summary>
    DuplicateSubscription,

    /// <summary>More than <see cref="StompBrokerOptions.MaxSubscriptionsPerConnection"/> subscriptions.</summary>
    TooManySubscriptions,

    /// <summary>UNSUBSCRIBE without <c>id</c> (and, in 1.0, without <c>destination</c>).</summary>
    MissingUnsubscribeId,

    /// <summary>UNSUBSCRIBE naming no subscription of the connection.</summary>
    UnknownSubscription,

    /// <summary>1.2 ACK/NACK without <c>id</c>.</summary>
    MissingAckId,

    /// <summary>1.2 ACK/NACK whose <c>id</c> is not an ack value this server issued.</summary>
    UnknownAckId,

    /// <summary>1.0/1.1 ACK/NACK without <c>message-id</c>.</summary>
    MissingMessageId,

    /// <summary>1.1 ACK/NACK without <c>subscription</c>.</summary>
    MissingAckSubscription,

    /// <summary>ACK/NACK naming no subscription of the connection.</summary>
    AckForUnknownSubscription,

    /// <summary>ACK/NACK on a subscription in <c>auto</c> mode.</summary>
    AckForAutoSubscription,

    /// <summary>BEGIN, COMMIT or ABORT without <c>transaction</c>.</summary>
    MissingTransaction,

    /// <summary>BEGIN of a transaction that is already open.</summary>
    DuplicateTransaction,

    /// <summary>More than <see cref="StompBrokerOptions.MaxOpenTransactions"/> open transactions.</summary>
    TooManyTransactions,

    /// <summary>A frame naming a transaction that is not open.</summary>
    UnknownTransaction,

    /// <summary>A transaction past <see cref="StompBrokerOptions.MaxTransactionFrames"/> or <see cref="StompBrokerOptions.MaxTransactionBytes"/>.</summary>
    TransactionTooLarge,

    /// <summary>A held frame that could not be read back at COMMIT.</summary>
    CorruptTransaction,
}
