using StompFunctions.Broker.Execution;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

/// <summary>An ACK or NACK the engine validated (at COMMIT time when it was part of a transaction).</summary>
public sealed class StompAckContext : StompFrameContext
{
    internal StompAckContext(ContextServices services, MessageExecution execution, StompFrame frame, string subscriptionId, string destination, StompAckMode ackMode, string messageId)
        : base(services, execution, frame)
    {
        SubscriptionId = subscriptionId;
        Destination = destination;
        AckMode = ackMode;
        MessageId = messageId;
    }

    /// <summary>The subscription the acknowledged message was delivered on.</summary>
    public string SubscriptionId { get; }

    /// <summary>That subscription's destination.</summary>
    public string Destination { get; }

    /// <summary>That subscription's ack mode.</summary>
    public StompAckMode AckMode { get; }

    /// <summary>The acknowledged message's <c>message-id</c>.</summary>
    public string MessageId { get; }

    /// <summary>True for NACK.</summary>
    public bool IsNack => Command == StompCommand.Nack;

    /// <summary>True in <c>client</c> mode, where the (N)ACK also covers every earlier unsettled message of the subscription.</summary>
    public bool IsCumulative => AckMode == StompAckMode.Client;
}
