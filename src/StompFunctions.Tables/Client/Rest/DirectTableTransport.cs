using Azure;
using Azure.Core;
using StompFunctions.Rest;

namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// Table requests straight through <see cref="HttpClient"/> (<see cref="DirectCall"/>): Azure.Core's pipeline cost each
/// request of a SEND about 15 µs of CPU and 2.5 KB (docs/benchmarks.md, "Table requests without the pipeline"). What the
/// pipeline did is done here: a fresh SharedKeyLite signature per attempt (or the connection string's SAS in the URL,
/// or a managed identity's bearer token, <see cref="BearerTokens"/>), a client request id, the network timeout per
/// attempt, retries by the store's <see cref="TableStorageRetryOptions"/>, and failures as
/// <see cref="RequestFailedException"/> with the service's error code. Used only where nothing of the pipeline could
/// be missed (<see cref="Applies"/>).
/// </summary>
internal sealed class DirectTableTransport : TableTransport
{
    private readonly DirectCall _call;
    private readonly SharedKeyLiteSigner? _signer;
    private readonly BearerTokens? _bearer;

    /// <param name="retry">The store's retries and network timeout, as applied to the SDK's options.</param>
    /// <param name="signer">Signs each attempt with the account key; null with a SAS or a bearer token.</param>
    /// <param name="bearer">The identity's tokens; null with a key or a SAS.</param>
    /// <param name="timeProvider">The clock for <c>Retry-After</c> dates.</param>
    /// <param name="handler">The HTTP handler; the process-wide socket pool when omitted.</param>
    public DirectTableTransport(RetryOptions retry, SharedKeyLiteSigner? signer, BearerTokens? bearer, TimeProvider timeProvider, HttpMessageHandler? handler = null)
    {
        _call = new DirectCall(retry, timeProvider, handler);
        _signer = signer;
        _bearer = bearer;
    }

    /// <summary>
    /// Whether the store's requests may skip the pipeline: nothing was configured on the SDK's client options (an
    /// application's transport or policies see every request through the pipeline) and SDK diagnostics are off.
    /// </summary>
    public static bool Applies(TableStorageOptions options) =>
        options.ConfigureClientOptions is null && !options.SdkDiagnostics;

    public override async Task<TableAnswer> SendAsync(TableRequest request, CancellationToken cancellationToken)
    {
        var bearer = _bearer is null ? null : await _bearer.AuthorizationAsync(cancellationToken).ConfigureAwait(false);
        var attempt = (Transport: this, Request: request, Bearer: bearer, ClientRequestId: RandomIds.NewGuid().ToString());
        var response = await _call.SendAsync(static a => a.Transport.Create(a.Request, a.Bearer, a.ClientRequestId), attempt, cancellationToken).ConfigureAwait(false);
        try
        {
            var status = (int)response.StatusCode;
            var body = request.Write && request.Accepts(status) ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!request.Accepts(status))
            {
                var code = TableErrorParser.Code(Header(response, TableErrorParser.ErrorCodeHeader), body);
                throw new RequestFailedException(status, TableErrorParser.Message(status, code), code, innerException: null);
            }

            return new TableAnswer(body, Header(response, "ETag"), Header(response, NextPartitionHeader), Header(response, NextRowHeader), response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>A header's raw text, as the service wrote it (no parsing of ETags or keys).</summary>
    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    /// <summary>One attempt's request: signed now, with the call's request id.</summary>
    private HttpRequestMessage Create(TableRequest request, string? bearer, string clientRequestId)
    {
        var message = new HttpRequestMessage(request.Method, request.Uri);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("x-ms-version", TableRequest.ServiceVersion);
        headers.TryAddWithoutValidation("DataServiceVersion", "3.0");
        headers.TryAddWithoutValidation("Accept", request.Accept);
        headers.TryAddWithoutValidation("x-ms-client-request-id", clientRequestId);
        if (_signer is not null)
        {
            var date = _signer.CurrentDate();
            headers.TryAddWithoutValidation(SharedKeyLiteSigner.DateHeader, date);
            headers.TryAddWithoutValidation("Authorization", _signer.Authorization(date, request.Uri.AbsolutePath));
        }
        else if (bearer is not null)
        {
            headers.TryAddWithoutValidation("Authorization", bearer);
        }

        if (request.IfMatch is not null)
        {
            headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        }

        if (request.PreferNoContent)
        {
            headers.TryAddWithoutValidation("Prefer", "return-no-content");
        }

        if (request.Write)
        {
            message.Content = new ReadOnlyMemoryContent(request.Entity);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        return message;
    }
}
