using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Delivery;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

/// <summary>A SUBSCRIBE being handled by a handler registered for its destination, or by a SUBSCRIBE authorization hook.</summary>
public sealed class StompSubscribeContext : StompFrameContext
{
    internal StompSubscribeContext(
        ContextServices services, MessageExecution execution, StompFrame frame, string destination, string subscriptionId, StompAckMode ackMode, IReadOnlyDictionary<string, string> routeValues)
        : base(services, execution, frame)
    {
        Destination = destination;
        SubscriptionId = subscriptionId;
        AckMode = ackMode;
        RouteValues = routeValues;
    }

    /// <summary>The destination subscribed to.</summary>
    public string Destination { get; }

    /// <summary>The client's subscription id.</summary>
    public string SubscriptionId { get; }

    /// <summary>The requested ack mode.</summary>
    public StompAckMode AckMode { get; }

    /// <summary>Values bound by the destination template; empty for hooks.</summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>
    /// Sends a MESSAGE on this new subscription to the subscriber only (an initial snapshot, say). It is
    /// delivered after the SUBSCRIBE's RECEIPT, and only if the subscription is created.
    /// </summary>
    public void Reply(ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SenderDelivery.ReplyOnNewSubscription(Execution, Environment.Stamp, Destination, SubscriptionId, AckMode, body, headers);
}
