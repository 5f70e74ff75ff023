namespace StompFunctions.Emulator.Rest;

internal sealed partial class SendEndpoints
{
    private static partial class Log
    {
        [LoggerMessage(4202, LogLevel.Debug, "Sent a message to {Count} connection(s) of hub {Hub}", EventName = nameof(Sent))]
        public static partial void Sent(ILogger logger, string hub, int count);
    }
}
