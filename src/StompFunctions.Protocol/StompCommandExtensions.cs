using StompFunctions.Protocol.Framing;

namespace StompFunctions.Protocol;

/// <summary>Protocol facts about each command, kept on the command as a table lookup.</summary>
public static class StompCommandExtensions
{
    /// <summary>The command's name as UTF-8 bytes, as written on the wire.</summary>
    public static ReadOnlySpan<byte> GetNameUtf8(this StompCommand command) => CommandNames.Get(command);

    /// <summary>The command's name as written on the wire (no allocation: the strings are literals).</summary>
    public static string GetName(this StompCommand command) => command switch
    {
        StompCommand.Connect => "CONNECT",
        StompCommand.Stomp => "STOMP",
        StompCommand.Connected => "CONNECTED",
        StompCommand.Send => "SEND",
        StompCommand.Subscribe => "SUBSCRIBE",
        StompCommand.Unsubscribe => "UNSUBSCRIBE",
        StompCommand.Begin => "BEGIN",
        StompCommand.Commit => "COMMIT",
        StompCommand.Abort => "ABORT",
        StompCommand.Ack => "ACK",
        StompCommand.Nack => "NACK",
        StompCommand.Disconnect => "DISCONNECT",
        StompCommand.Message => "MESSAGE",
        StompCommand.Receipt => "RECEIPT",
        StompCommand.Error => "ERROR",
        _ => "",
    };

    /// <summary>Only SEND, MESSAGE and ERROR may carry a body ([Body] in the 1.2 spec).</summary>
    public static bool IsBodyAllowed(this StompCommand command) =>
        command is StompCommand.Send or StompCommand.Message or StompCommand.Error;

    /// <summary>
    /// CONNECT, STOMP and CONNECTED headers are never escaped or unescaped, in any version, for
    /// compatibility with 1.0 ([Value Encoding]).
    /// </summary>
    public static bool IsEscapeExempt(this StompCommand command) =>
        command is StompCommand.Connect or StompCommand.Stomp or StompCommand.Connected;

    /// <summary>True for commands a client sends to a server.</summary>
    public static bool IsClientCommand(this StompCommand command) =>
        command is >= StompCommand.Connect and <= StompCommand.Disconnect and not StompCommand.Connected;

    /// <summary>True for commands a server sends to a client.</summary>
    public static bool IsServerCommand(this StompCommand command) =>
        command is StompCommand.Connected or StompCommand.Message or StompCommand.Receipt or StompCommand.Error;

    /// <summary>True for CONNECT and its alias STOMP.</summary>
    public static bool IsConnect(this StompCommand command) =>
        command is StompCommand.Connect or StompCommand.Stomp;
}
