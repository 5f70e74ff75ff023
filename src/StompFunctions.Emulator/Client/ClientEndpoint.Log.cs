using StompFunctions.Emulator.Rest;

namespace StompFunctions.Emulator.Client;

internal sealed partial class ClientEndpoint
{
    private static partial class Log
    {
        [LoggerMessage(4000, LogLevel.Information, "Client token rejected for hub {Hub}: {Reason}", EventName = nameof(TokenRejected))]
        public static partial void TokenRejected(ILogger logger, string hub, EmulatorError reason);

        [LoggerMessage(4001, LogLevel.Information, "The connect handler of hub {Hub} rejected a client with {StatusCode}", EventName = nameof(ConnectRejected))]
        public static partial void ConnectRejected(ILogger logger, string hub, int statusCode);

        [LoggerMessage(4002, LogLevel.Warning, "The connect handler of hub {Hub} failed with {StatusCode} or answered malformed JSON", EventName = nameof(ConnectFailed))]
        public static partial void ConnectFailed(ILogger logger, string hub, int statusCode);

        [LoggerMessage(4003, LogLevel.Warning, "The connect handler of hub {Hub} chose a subprotocol the client did not offer", EventName = nameof(SubprotocolNotOffered))]
        public static partial void SubprotocolNotOffered(ILogger logger, string hub);
    }
}
