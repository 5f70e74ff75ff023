namespace StompFunctions.Broker.Queues;

/// <summary>
/// Names one enqueue of one upstream event, so that a retry of the event (replayed on the connection state of before
/// its first attempt) finds that enqueue already done. <see cref="Event"/> is the connection's last queue sequence when
/// the event began: every attempt of the event has the same, every later event a greater one (each enqueue moves it up).
/// <see cref="Index"/> counts the event's enqueues, whatever their queue, in the order the frames run.
/// </summary>
/// <param name="ConnectionId">The connection whose event it is.</param>
/// <param name="Event">The connection's last queue sequence before the event (empty before its first enqueue).</param>
/// <param name="Index">The enqueue's place in the event, from 0.</param>
public readonly record struct QueueEventKey(string ConnectionId, string Event, int Index);
