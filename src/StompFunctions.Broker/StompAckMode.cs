namespace StompFunctions.Broker;

/// <summary>The acknowledgement mode of a subscription (STOMP 1.2 SUBSCRIBE <c>ack</c> header).</summary>
public enum StompAckMode
{
    /// <summary>A message counts as consumed once sent; MESSAGE frames carry no <c>ack</c> header.</summary>
    Auto,

    /// <summary>ACK is cumulative: it settles the named message and every earlier one of the subscription.</summary>
    Client,

    /// <summary>ACK and NACK settle only the named message.</summary>
    ClientIndividual,
}
