using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;

namespace StompFunctions.Broker.Delivery;

/// <summary>MESSAGE frames for the sender alone, in the reply to its event: no route read, no group send.</summary>
internal static class SenderDelivery
{
    /// <summary>Writes a MESSAGE into the reply for each of the sender's own subscriptions to the destination; returns how many.</summary>
    public static int SendToSender(MessageExecution execution, MessageStamp stamp, string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(destination);
        var list = headers as IReadOnlyList<KeyValuePair<string, string>> ?? headers?.ToArray();
        var count = 0;
        OutboundMessage? message = null;
        foreach (var subscription in execution.Session.Subscriptions)
        {
            if (!string.Equals(subscription.Destination, destination, StringComparison.Ordinal))
            {
                continue;
            }

            message ??= new OutboundMessage(destination, stamp.NewId(), body, list, stamp.Timestamp());
            ServerFrames.WriteMessage(execution.Reply, execution.Version, message.Value, subscription.Id, subscription.AckMode);
            execution.NoteReplyBody(body.Span);
            count++;
        }

        return count;
    }

    /// <summary>Queues a MESSAGE on a new subscription for after the SUBSCRIBE's RECEIPT (kept only if the subscription is created).</summary>
    public static void ReplyOnNewSubscription(
        MessageExecution execution, MessageStamp stamp, string destination, string subscriptionId, StompAckMode ackMode, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers)
    {
        var list = headers?.ToArray();
        var copy = body.ToArray();
        var message = new OutboundMessage(destination, stamp.NewId(), copy, list, stamp.Timestamp());
        var version = execution.Session.Version;
        execution.NoteReplyBody(copy);
        execution.AfterReceipt(output => ServerFrames.WriteMessage(output, version, message, subscriptionId, ackMode));
    }
}
