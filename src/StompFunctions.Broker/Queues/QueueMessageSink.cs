using StompFunctions.Broker.Buffers;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Ports;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Queues;

/// <summary>
/// Sends a claimed queue message to its one consumer: a MESSAGE frame (<c>message-id</c> is the message's sequence,
/// <c>ack</c> <c>subscription@sequence</c> in the client modes, <c>redelivered:true</c> after a first delivery) in one
/// REST call to the connection. Queue messages never go to groups, so topic subscribers never see them.
/// </summary>
internal sealed class QueueMessageSink(IConnectionGateway gateway, Func<long?> timestamp) : IQueueDeliverySink
{
    private static readonly KeyValuePair<string, string> Redelivered = new("redelivered", "true");

    public async ValueTask DeliverAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var stored = delivery.Message;
        IReadOnlyList<KeyValuePair<string, string>> headers = delivery.Redelivered ? [.. stored.Headers, Redelivered] : stored.Headers;
        var message = new OutboundMessage(delivery.Queue, stored.Sequence, stored.Body, headers, timestamp());
        using var buffer = new PooledBufferWriter(stored.Body.Length + 256);
        ServerFrames.WriteMessage(buffer, StompVersion.V1_2, message, delivery.Consumer.SubscriptionId, delivery.Consumer.AckMode);
        var kind = message.IsBinary ? PayloadKind.Binary : PayloadKind.Text;
        await gateway.SendToConnectionAsync(delivery.Consumer.ConnectionId, buffer.WrittenMemory, kind, cancellationToken).ConfigureAwait(false);
    }
}
