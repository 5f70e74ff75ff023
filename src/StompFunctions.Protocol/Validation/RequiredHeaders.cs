namespace StompFunctions.Protocol.Validation;

/// <summary>The headers each command requires in each version (§10 of the brief; [SEND]…[ERROR] of the spec).</summary>
internal static class RequiredHeaders
{
    private static readonly string[] None = [];
    private static readonly string[] Destination = ["destination"];
    private static readonly string[] DestinationAndId = ["destination", "id"];
    private static readonly string[] Id = ["id"];
    private static readonly string[] MessageId = ["message-id"];
    private static readonly string[] MessageIdAndSubscription = ["message-id", "subscription"];
    private static readonly string[] Transaction = ["transaction"];
    private static readonly string[] Version = ["version"];
    private static readonly string[] ReceiptId = ["receipt-id"];
    private static readonly string[] MessageHeaders = ["destination", "message-id", "subscription"];
    private static readonly string[] MessageHeaders10 = ["destination", "message-id"];

    public static string[] For(StompCommand command, StompVersion version) => command switch
    {
        StompCommand.Send => Destination,
        StompCommand.Subscribe => version == StompVersion.V1_0 ? Destination : DestinationAndId,
        // 1.0 allows UNSUBSCRIBE by id or by destination; the validator checks that one of them is there.
        StompCommand.Unsubscribe => version == StompVersion.V1_0 ? None : Id,
        StompCommand.Ack or StompCommand.Nack => version switch
        {
            StompVersion.V1_2 => Id,
            StompVersion.V1_1 => MessageIdAndSubscription,
            _ => MessageId,
        },
        StompCommand.Begin or StompCommand.Commit or StompCommand.Abort => Transaction,
        StompCommand.Connected => Version,
        StompCommand.Message => version == StompVersion.V1_0 ? MessageHeaders10 : MessageHeaders,
        StompCommand.Receipt => ReceiptId,
        _ => None,
    };
}
