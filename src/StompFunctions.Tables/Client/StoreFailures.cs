using Azure;
using Azure.Identity;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Tables.Client;

/// <summary>
/// Turns what the Table client throws into the port's vocabulary: the expected answers (404, 412)
/// become <see cref="StoreOutcome"/> values at the call sites; everything else becomes a
/// <see cref="StompStoreUnavailableException"/> whose message an operator (and the ERROR frame the
/// engine sends) can act on. Messages name status and error code only, never keys or payloads.
/// </summary>
internal static class StoreFailures
{
    public const int NotFound = 404;
    public const int PreconditionFailed = 412;
    public const int Conflict = 409;

    /// <summary>The table itself is missing (deleted, or an in-memory Azurite restarted).</summary>
    public static bool IsTableNotFound(RequestFailedException e) =>
        e.Status == NotFound && string.Equals(e.ErrorCode, "TableNotFound", StringComparison.Ordinal);

    /// <summary>Whether an exception is one the store translates (rather than a bug or the caller's cancellation).</summary>
    public static bool IsStoreFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        RequestFailedException or AuthenticationFailedException or CredentialUnavailableException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(inner => IsStoreFailure(inner, cancellationToken)),
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// The failure of the last attempt: Azure.Core reports a request that failed on every retry as an
    /// AggregateException of the attempts.
    /// </summary>
    public static Exception LastAttempt(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[^1] : e;

    /// <summary>The exception the engine turns into a STOMP ERROR for the frame being handled.</summary>
    public static StompStoreUnavailableException Unavailable(Exception e, string operation)
    {
        var message = LastAttempt(e) switch
        {
            RequestFailedException { Status: 0 } =>
                $"Table Storage is unreachable ({operation}).",
            RequestFailedException { Status: 401 or 403 } r =>
                $"Table Storage refused the credentials ({operation}: {r.Status} {r.ErrorCode}); check the account key or the identity's Storage Table Data Contributor role.",
            RequestFailedException { Status: 408 or 429 or >= 500 } r =>
                $"Table Storage is unavailable ({operation}: {r.Status} {r.ErrorCode}) after retries.",
            RequestFailedException r =>
                $"Table Storage rejected the request ({operation}: {r.Status} {r.ErrorCode}).",
            AuthenticationFailedException or CredentialUnavailableException =>
                $"No token for Table Storage ({operation}): the identity could not sign in; check Tables:ClientId and that the identity is assigned to the app.",
            OperationCanceledException =>
                $"Table Storage did not answer in time ({operation}).",
            _ => $"Table Storage is unreachable ({operation}).",
        };
        return new StompStoreUnavailableException(message, e);
    }
}
