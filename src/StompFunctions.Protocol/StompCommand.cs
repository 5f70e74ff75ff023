namespace StompFunctions.Protocol;

/// <summary>The STOMP commands of versions 1.0 to 1.2. Names on the wire are case sensitive.</summary>
public enum StompCommand : byte
{
    /// <summary>No command; the default value, never produced by the reader.</summary>
    None = 0,

    /// <summary>C→S: open a session.</summary>
    Connect,

    /// <summary>C→S: alias of CONNECT (1.1 SHOULD, 1.2 MUST accept).</summary>
    Stomp,

    /// <summary>S→C: the session is open.</summary>
    Connected,

    /// <summary>C→S: publish to a destination.</summary>
    Send,

    /// <summary>C→S: register a subscription.</summary>
    Subscribe,

    /// <summary>C→S: remove a subscription.</summary>
    Unsubscribe,

    /// <summary>C→S: start a transaction.</summary>
    Begin,

    /// <summary>C→S: commit a transaction.</summary>
    Commit,

    /// <summary>C→S: abort a transaction.</summary>
    Abort,

    /// <summary>C→S: acknowledge a message.</summary>
    Ack,

    /// <summary>C→S: negatively acknowledge a message (1.1+).</summary>
    Nack,

    /// <summary>C→S: graceful shutdown.</summary>
    Disconnect,

    /// <summary>S→C: a delivered message.</summary>
    Message,

    /// <summary>S→C: a frame carrying <c>receipt</c> was processed.</summary>
    Receipt,

    /// <summary>S→C: a fatal error; the server closes afterwards.</summary>
    Error,
}
