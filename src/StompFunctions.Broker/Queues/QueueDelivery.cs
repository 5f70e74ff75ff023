namespace StompFunctions.Broker.Queues;

/// <summary>One message claimed for one consumer, to be sent to its connection as a MESSAGE frame.</summary>
/// <param name="Queue">The queue's destination.</param>
/// <param name="Consumer">The consumer it was claimed for.</param>
/// <param name="Message">The message (its sequence is the MESSAGE's <c>message-id</c>).</param>
/// <param name="Redelivered">Whether it was handed out before (<c>redelivered:true</c>).</param>
/// <param name="Batch">In the client modes, the tag of the claim batch it belongs to (<see cref="QueueSentBatch"/>); null otherwise.</param>
public sealed record QueueDelivery(string Queue, QueueConsumer Consumer, QueuedMessage Message, bool Redelivered, string? Batch = null);
