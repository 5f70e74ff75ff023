
namespace StompFunctions.Emulator.Upstream;

internal sealed partial class AbuseProtection
{
    private static partial class Log
    {
        [LoggerMessage(4100, LogLevel.Debug, "Abuse protection passed for {Url}", EventName = nameof(AbuseProtectionPassed))]
        public static partial void AbuseProtectionPassed(ILogger logger, Uri url);

        [LoggerMessage(4101, LogLevel.Warning, "Abuse protection failed for {Url}: the handler answered {StatusCode}", EventName = nameof(AbuseProtectionRejected))]
        public static partial void AbuseProtectionRejected(ILogger logger, Uri url, int statusCode);

        [LoggerMessage(4102, LogLevel.Warning, "Abuse protection failed for {Url}: the answer has no WebHook-Allowed-Origin allowing this emulator", EventName = nameof(AbuseProtectionMissingAllowedOrigin))]
        public static partial void AbuseProtectionMissingAllowedOrigin(ILogger logger, Uri url);

        [LoggerMessage(4103, LogLevel.Warning, "Abuse protection failed for {Url}: {Error}", EventName = nameof(AbuseProtectionUnreachable))]
        public static partial void AbuseProtectionUnreachable(ILogger logger, Uri url, string error);
    }
}
