namespace StompFunctions.Broker.Frames;

/// <summary>
/// The value of a MESSAGE's <c>ack</c> header (1.2): <c>subscription@message-id</c>. Message ids never contain
/// <c>@</c>, so the last <c>@</c> separates the parts and an ACK names its subscription even without a
/// <c>subscription</c> header. Every member of a group receives the same bytes, so the value cannot be per
/// connection; it is unique per delivery because a connection holds each subscription id once.
/// </summary>
internal static class AckIds
{
    public static string Format(string subscriptionId, string messageId) => string.Concat(subscriptionId, "@", messageId);

    public static bool TryParse(string ackId, out string subscriptionId, out string messageId)
    {
        var at = ackId.LastIndexOf('@');
        if (at <= 0 || at == ackId.Length - 1)
        {
            subscriptionId = "";
            messageId = "";
            return false;
        }

        subscriptionId = ackId[..at];
        messageId = ackId[(at + 1)..];
        return true;
    }
}
