namespace StompFunctions.Broker.Queues;

/// <summary>
/// Sends claimed queue messages to their consumers' connections (the engine writes a MESSAGE frame and calls
/// the gateway). Throwing means "not sent": the broker puts the message back without counting the delivery.
/// </summary>
public interface IQueueDeliverySink
{
    ValueTask DeliverAsync(QueueDelivery delivery, CancellationToken cancellationToken);
}
