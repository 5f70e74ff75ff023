using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker;

/// <summary>
/// What to answer an upstream <c>message</c> event with: the frames for the sender (the HTTP response body),
/// the new connection state (the <c>ce-connectionState</c> response header), and whether to close the
/// connection after the reply has been delivered (after an ERROR or a DISCONNECT).
/// </summary>
public sealed class StompMessageResult
{
    internal StompMessageResult(ReadOnlyMemory<byte> reply, PayloadKind replyKind, string connectionState, bool connectionStateChanged, string? closeReason)
    {
        Reply = reply;
        ReplyKind = replyKind;
        ConnectionState = connectionState;
        ConnectionStateChanged = connectionStateChanged;
        CloseReason = closeReason;
    }

    /// <summary>The concatenated reply frames (CONNECTED, RECEIPT, MESSAGE, ERROR); empty when nothing is owed (answer 204).</summary>
    public ReadOnlyMemory<byte> Reply { get; }

    /// <summary>Text (<c>text/plain</c>) unless a reply body is not valid UTF-8 (<c>application/octet-stream</c>).</summary>
    public PayloadKind ReplyKind { get; }

    /// <summary>The connection state to return in <c>ce-connectionState</c>; empty for a connection with no session.</summary>
    public string ConnectionState { get; }

    /// <summary>False when the state is the one the event brought (the header may then be omitted).</summary>
    public bool ConnectionStateChanged { get; }

    /// <summary>True when the connection must be closed once the reply has been delivered.</summary>
    public bool CloseAfterReply => CloseReason is not null;

    /// <summary>Why the connection is to be closed (given to the gateway's close call); null when it stays open.</summary>
    public string? CloseReason { get; }
}
