namespace StompFunctions.Broker.Authorization;

/// <summary>What a session asks to do with a destination.</summary>
public enum DestinationAction
{
    /// <summary>SUBSCRIBE to it.</summary>
    Subscribe,

    /// <summary>SEND to it.</summary>
    Send,
}
