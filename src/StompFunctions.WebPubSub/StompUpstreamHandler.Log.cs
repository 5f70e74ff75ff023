using Microsoft.Extensions.Logging;

namespace StompFunctions.WebPubSub;

public sealed partial class StompUpstreamHandler
{
    /// <summary>Upstream events use ids 3000-3099 (house rule 15); never log bodies, tokens, keys or signatures.</summary>
    private static partial class Log
    {
        [LoggerMessage(3000, LogLevel.Critical, "Web PubSub signature validation is DISABLED: anyone who can reach this endpoint can impersonate any connection. Use this only for local development.", EventName = nameof(SignatureValidationDisabled))]
        public static partial void SignatureValidationDisabled(ILogger logger);

        [LoggerMessage(3001, LogLevel.Critical, "No Web PubSub access key is configured, so every upstream event will be rejected with 401. Set WebPubSub:ConnectionString or WebPubSub:AccessKey (and SecondaryAccessKey).", EventName = nameof(NoSignatureKeys))]
        public static partial void NoSignatureKeys(ILogger logger);

        [LoggerMessage(3002, LogLevel.Warning, "Rejected a {EventName} event for connection {ConnectionId}: its ce-signature matches no access key.", EventName = nameof(SignatureRejected))]
        public static partial void SignatureRejected(ILogger logger, string eventName, string connectionId);

        [LoggerMessage(3003, LogLevel.Warning, "Accepted an UNVERIFIED {EventName} event for connection {ConnectionId} (signature validation is disabled).", EventName = nameof(UnverifiedEventAccepted))]
        public static partial void UnverifiedEventAccepted(ILogger logger, string eventName, string connectionId);

        [LoggerMessage(3004, LogLevel.Warning, "Rejected an event for hub {Hub}: this endpoint serves another hub.", EventName = nameof(WrongHub))]
        public static partial void WrongHub(ILogger logger, string hub);

        [LoggerMessage(3005, LogLevel.Warning, "Abuse-protection preflight refused with {StatusCode}.", EventName = nameof(PreflightRejected))]
        public static partial void PreflightRejected(ILogger logger, int statusCode);

        [LoggerMessage(3006, LogLevel.Information, "Refused connection {ConnectionId}: it offered no STOMP subprotocol.", EventName = nameof(NoStompSubprotocol))]
        public static partial void NoStompSubprotocol(ILogger logger, string connectionId);

        [LoggerMessage(3007, LogLevel.Error, "The connect hook failed for connection {ConnectionId}.", EventName = nameof(ConnectHookFailed))]
        public static partial void ConnectHookFailed(ILogger logger, Exception exception, string connectionId);

        [LoggerMessage(3008, LogLevel.Information, "The connect hook refused connection {ConnectionId} with {StatusCode}.", EventName = nameof(ConnectRejected))]
        public static partial void ConnectRejected(ILogger logger, string connectionId, int statusCode);

        [LoggerMessage(3009, LogLevel.Warning, "Connection {ConnectionId} sent a user event other than 'message'.", EventName = nameof(UnsupportedUserEvent))]
        public static partial void UnsupportedUserEvent(ILogger logger, string connectionId);

        [LoggerMessage(3010, LogLevel.Error, "Handling a message of connection {ConnectionId} failed; it gets an ERROR frame and is closed.", EventName = nameof(MessageFailed))]
        public static partial void MessageFailed(ILogger logger, Exception exception, string connectionId);

        [LoggerMessage(3011, LogLevel.Debug, "Closed connection {ConnectionId} after its reply: {Reason}.", EventName = nameof(ConnectionClosed))]
        public static partial void ConnectionClosed(ILogger logger, string connectionId, string reason);

        [LoggerMessage(3012, LogLevel.Warning, "Closing connection {ConnectionId} after its reply failed.", EventName = nameof(CloseFailed))]
        public static partial void CloseFailed(ILogger logger, Exception exception, string connectionId);

        [LoggerMessage(3013, LogLevel.Error, "Cleaning up after connection {ConnectionId} failed.", EventName = nameof(DisconnectFailed))]
        public static partial void DisconnectFailed(ILogger logger, Exception exception, string connectionId);

        [LoggerMessage(3014, LogLevel.Warning, "Rejected a {EventName} event for connection {ConnectionId}: its ce-connectionState was not issued by this server for this connection.", EventName = nameof(StateRejected))]
        public static partial void StateRejected(ILogger logger, string eventName, string connectionId);
    }
}
