using System.Globalization;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Errors;

/// <summary>
/// A refusal as the client sees it: the reason, the short <c>message</c> header of the ERROR frame, its
/// body (<see cref="Details"/>) and, for a failed version negotiation, the <c>version</c> header.
/// <see cref="For"/> is the one table of texts; only hooks and the codec bring texts of their own.
/// </summary>
internal readonly struct EngineFailure
{
    private EngineFailure(EngineError error, string message, string? details, string? versionList = null)
    {
        Error = error;
        Message = message;
        Details = details;
        VersionList = versionList;
    }

    /// <summary>The reason.</summary>
    public EngineError Error { get; }

    /// <summary>The <c>message</c> header.</summary>
    public string Message { get; }

    /// <summary>The ERROR body; null means the body repeats <see cref="Message"/>.</summary>
    public string? Details { get; }

    /// <summary>The <c>version</c> header (supported versions) of an ERROR refusing CONNECT.</summary>
    public string? VersionList { get; }

    /// <summary>The standard failure for a reason; <paramref name="args"/> fill the placeholders of its text.</summary>
    public static EngineFailure For(EngineError error, params ReadOnlySpan<object?> args)
    {
        var (message, details) = Text(error);
        return new EngineFailure(error, message, string.Format(CultureInfo.InvariantCulture, details, args));
    }

    /// <summary>A frame the codec refused, with the codec's text.</summary>
    public static EngineFailure Unparsable(in StompParseFailure failure) =>
        new(EngineError.UnparsableFrame, failure.Message, $"The frame could not be parsed: {failure.Message}.");

    /// <summary>A CONNECT no supported version fits; <paramref name="versionList"/> is the server's, comma separated.</summary>
    public static EngineFailure UnsupportedVersion(string versionList) =>
        new(EngineError.UnsupportedVersion, "unsupported protocol version", $"Supported protocol versions are {versionList.Replace(',', ' ')}", versionList);

    /// <summary>A CONNECT hook's refusal.</summary>
    public static EngineFailure ConnectRejected(string message) =>
        new(EngineError.ConnectRejected, message, $"The connection was refused: {message}.");

    /// <summary>A refusal with the texts middleware, a handler or a hook chose.</summary>
    public static EngineFailure Rejected(string message, string? details) => new(EngineError.Rejected, message, details);

    // The message header and the body of each reason; {0}, {1} are filled by For's arguments.
    private static (string Message, string Details) Text(EngineError error) => error switch
    {
        EngineError.InvalidConnectionState => ("invalid connection state", "The connection state could not be read; reconnect."),
        EngineError.StoreUnavailable => ("service unavailable", "The server's state store is unavailable; reconnect and retry."),
        EngineError.StoreFailedDuringFrame => ("service unavailable", "The server's state store is unavailable; nothing of this frame was done after the failure. Reconnect and retry."),
        EngineError.StateNotSaved => ("service unavailable", "The session could not be saved because the state store is unavailable; reconnect."),
        EngineError.SubscriptionsNotRestored => ("subscriptions lost", "The server's state store lost its rows (it was emptied or recreated) and the subscriptions of this connection could not be written again: {0} Reconnect and subscribe again."),
        EngineError.SubscriptionsLost => ("subscriptions lost", "The server's state store lost its rows (it was emptied or recreated), and with them the subscriptions of this connection; messages sent since may not have reached it. Reconnect and subscribe again."),
        EngineError.SessionTooLarge => ("session too large", "The session state would exceed {0} bytes; reconnect."),
        EngineError.PendingFrameTooLarge => ("frame too large", "A frame split across WebSocket messages may leave at most {0} bytes for its next part; send it in one message."),
        EngineError.InternalError => ("internal server error", "The server failed while handling this frame."),
        EngineError.NotConnected => ("not connected", "{0} arrived before CONNECT; send CONNECT (or STOMP) first."),
        EngineError.AlreadyConnected => ("already connected", "A second CONNECT on an established session is not allowed."),
        EngineError.UnexpectedCommand => ("unexpected command", "{0} is not a command a client may send."),
        EngineError.NackInVersion10 => ("unexpected command", "NACK does not exist in STOMP 1.0."),
        EngineError.InvalidHeartBeat => ("invalid heart-beat header", "heart-beat must be two non-negative integers separated by a comma, e.g. 10000,10000."),
        EngineError.MissingDestination => ("missing destination", "{0} requires a destination header."),
        EngineError.UnknownDestination => ("unknown destination", "No handler is registered for '{0}' and it has no broker prefix ({1})."),
        EngineError.WildcardSend => ("wildcard destination", "'{0}' holds '*' or '#', which only a SUBSCRIBE may use; send to a concrete topic."),
        EngineError.InvalidTopicPattern => ("invalid topic pattern", "In '{0}' a '*' or '#' must be a whole word between dots, e.g. /topic/stocks.*.price or /topic/logs.#."),
        EngineError.UserDestinationWithoutUser => ("no user", "'{0}' is a user destination, and this session has no user: connect with a user id (an access token naming one) or let the CONNECT hook set one."),
        EngineError.InvalidUserDestination => ("invalid user destination", "'{0}' is no user destination: SUBSCRIBE to /user/queue/NAME or /user/topic/NAME, SEND to /user/{{user}}/queue/NAME (user names hold no '/')."),
        EngineError.MissingSubscriptionId => ("missing id", "SUBSCRIBE requires an id header."),
        EngineError.InvalidAckMode => ("invalid ack mode", "ack must be auto, client or client-individual (1.0: auto or client)."),
        EngineError.InvalidPrefetchCount => ("invalid prefetch-count", "prefetch-count must be a whole number from 1 up (at most {0} are used)."),
        EngineError.DuplicateSubscription => ("duplicate subscription id", "Subscription id '{0}' is already active on this connection."),
        EngineError.TooManySubscriptions => ("too many subscriptions", "A connection may hold at most {0} subscriptions."),
        EngineError.MissingUnsubscribeId => ("missing id", "UNSUBSCRIBE requires an id header."),
        EngineError.UnknownSubscription => ("unknown subscription", "No active subscription of this connection matches '{0}'."),
        EngineError.MissingAckId => ("missing id", "{0} requires an id header (the MESSAGE's ack value)."),
        EngineError.UnknownAckId => ("unknown ack id", "'{0}' is not an ack value this server issued."),
        EngineError.MissingMessageId => ("missing message-id", "{0} requires a message-id header in STOMP {1}."),
        EngineError.MissingAckSubscription => ("missing subscription", "{0} requires a subscription header in STOMP 1.1."),
        EngineError.AckForUnknownSubscription => ("unknown subscription", "{0} names no active subscription of this connection."),
        EngineError.AckForAutoSubscription => ("unknown subscription", "Subscription '{0}' uses ack mode auto; its messages need no {1}."),
        EngineError.MissingTransaction => ("missing transaction", "{0} requires a transaction header."),
        EngineError.DuplicateTransaction => ("duplicate transaction", "Transaction '{0}' is already open on this connection."),
        EngineError.TooManyTransactions => ("too many transactions", "A connection may have at most {0} open transactions."),
        EngineError.UnknownTransaction => ("unknown transaction", "Transaction '{0}' is not open on this connection."),
        EngineError.TransactionTooLarge => ("transaction too large", "A transaction may hold at most {0} frames and {1} bytes."),
        EngineError.CorruptTransaction => ("corrupt transaction", "A held frame could not be read back: {0}."),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "This reason carries texts of its own."),
    };
}
