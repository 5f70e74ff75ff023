namespace StompFunctions.Protocol.Framing;

/// <summary>Maps command names on the wire to <see cref="StompCommand"/> and back, without strings.</summary>
internal static class CommandNames
{
    public static ReadOnlySpan<byte> Get(StompCommand command) => command switch
    {
        StompCommand.Connect => "CONNECT"u8,
        StompCommand.Stomp => "STOMP"u8,
        StompCommand.Connected => "CONNECTED"u8,
        StompCommand.Send => "SEND"u8,
        StompCommand.Subscribe => "SUBSCRIBE"u8,
        StompCommand.Unsubscribe => "UNSUBSCRIBE"u8,
        StompCommand.Begin => "BEGIN"u8,
        StompCommand.Commit => "COMMIT"u8,
        StompCommand.Abort => "ABORT"u8,
        StompCommand.Ack => "ACK"u8,
        StompCommand.Nack => "NACK"u8,
        StompCommand.Disconnect => "DISCONNECT"u8,
        StompCommand.Message => "MESSAGE"u8,
        StompCommand.Receipt => "RECEIPT"u8,
        StompCommand.Error => "ERROR"u8,
        _ => [],
    };

    /// <summary>Case-sensitive match of a command line (EOL already removed).</summary>
    public static StompCommand Parse(ReadOnlySpan<byte> name)
    {
        // Dispatch on length first: most lengths have one or two candidates, so a match costs one compare.
        return name.Length switch
        {
            3 => name.SequenceEqual("ACK"u8) ? StompCommand.Ack : StompCommand.None,
            4 => name.SequenceEqual("SEND"u8) ? StompCommand.Send
                : name.SequenceEqual("NACK"u8) ? StompCommand.Nack : StompCommand.None,
            5 => name.SequenceEqual("BEGIN"u8) ? StompCommand.Begin
                : name.SequenceEqual("ABORT"u8) ? StompCommand.Abort
                : name.SequenceEqual("ERROR"u8) ? StompCommand.Error
                : name.SequenceEqual("STOMP"u8) ? StompCommand.Stomp : StompCommand.None,
            6 => name.SequenceEqual("COMMIT"u8) ? StompCommand.Commit : StompCommand.None,
            7 => name.SequenceEqual("MESSAGE"u8) ? StompCommand.Message
                : name.SequenceEqual("CONNECT"u8) ? StompCommand.Connect
                : name.SequenceEqual("RECEIPT"u8) ? StompCommand.Receipt : StompCommand.None,
            9 => name.SequenceEqual("SUBSCRIBE"u8) ? StompCommand.Subscribe
                : name.SequenceEqual("CONNECTED"u8) ? StompCommand.Connected : StompCommand.None,
            10 => name.SequenceEqual("DISCONNECT"u8) ? StompCommand.Disconnect : StompCommand.None,
            11 => name.SequenceEqual("UNSUBSCRIBE"u8) ? StompCommand.Unsubscribe : StompCommand.None,
            _ => StompCommand.None,
        };
    }
}
