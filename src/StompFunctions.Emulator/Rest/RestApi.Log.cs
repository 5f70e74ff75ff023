namespace StompFunctions.Emulator.Rest;

internal sealed partial class RestApi
{
    private static partial class Log
    {
        [LoggerMessage(4200, LogLevel.Information, "Data-plane call rejected: {Reason}", EventName = nameof(Unauthorized))]
        public static partial void Unauthorized(ILogger logger, EmulatorError reason);

        [LoggerMessage(4201, LogLevel.Error, "Data-plane call failed unexpectedly", EventName = nameof(OperationFailed))]
        public static partial void OperationFailed(ILogger logger, Exception exception);
    }
}
