namespace StompFunctions.Broker.Delivery;

/// <summary>
/// How the broker treats a destination no handler took. <see cref="DestinationClassifier"/> decides it from
/// the configured prefixes. Point-to-point queues and per-user destinations are new kinds of their own,
/// each with its own delivery in <see cref="MessageFanOut"/> and its own SUBSCRIBE bookkeeping.
/// </summary>
internal enum DestinationKind : byte
{
    /// <summary>Not a broker destination: only a handler can take a SEND or SUBSCRIBE to it.</summary>
    Unrouted = 0,

    /// <summary>Publish/subscribe: every route of the destination receives one copy.</summary>
    Broadcast,

    /// <summary>
    /// Point to point (a broker prefix that is also <see cref="Queues.StompQueueOptions.QueuePrefix"/>): a message is
    /// kept until one consumer takes it (<see cref="Queues.QueueBroker"/>); it never reaches a topic route.
    /// </summary>
    Queue,

    /// <summary>
    /// A user destination (<see cref="UserDestinations"/>): SUBSCRIBE <c>/user/queue/NAME</c>, SEND
    /// <c>/user/{user}/queue/NAME</c>; every subscribed session of that user receives one copy. Never a competing queue.
    /// </summary>
    User,
}
