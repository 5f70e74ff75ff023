namespace StompFunctions.Protocol;

/// <summary>A STOMP protocol version. The value is the version times ten, as in the subprotocol name <c>v12.stomp</c>.</summary>
public enum StompVersion : byte
{
    /// <summary>STOMP 1.0: LF line ends, no escaping, no heart-beats.</summary>
    V1_0 = 10,

    /// <summary>STOMP 1.1: LF line ends, escapes <c>\n \c \\</c>, heart-beats.</summary>
    V1_1 = 11,

    /// <summary>STOMP 1.2: LF or CR LF line ends, escapes <c>\r \n \c \\</c>, the <c>ack</c> header.</summary>
    V1_2 = 12,
}
