using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// Table requests through Azure.Core's <see cref="HttpPipeline"/>, built from the same client options as the
/// Azure.Data.Tables client (retries, timeouts, diagnostics, transport and any policies an application adds), with
/// an authorization policy per attempt; failures carry the code <see cref="TableErrorParser"/> reads.
/// </summary>
internal sealed class PipelineTableTransport(HttpPipeline pipeline) : TableTransport
{
    private static readonly ResponseClassifier Classifier200 = new StatusCodeClassifier([200]);
    private static readonly ResponseClassifier Classifier201Or204 = new StatusCodeClassifier([201, 204]);

    public override async Task<TableAnswer> SendAsync(TableRequest request, CancellationToken cancellationToken)
    {
        var message = pipeline.CreateMessage(context: null, request.Write ? Classifier201Or204 : Classifier200);
        try
        {
            var sent = message.Request;
            sent.Method = request.Method == HttpMethod.Get ? RequestMethod.Get : request.Method == HttpMethod.Put ? RequestMethod.Put : RequestMethod.Post;
            sent.Uri.Reset(request.Uri);
            sent.Headers.SetValue("x-ms-version", TableRequest.ServiceVersion);
            sent.Headers.SetValue("DataServiceVersion", "3.0");
            sent.Headers.SetValue(HttpHeader.Names.Accept, request.Accept);
            if (request.IfMatch is not null)
            {
                sent.Headers.SetValue(HttpHeader.Names.IfMatch, request.IfMatch);
            }

            if (request.PreferNoContent)
            {
                sent.Headers.SetValue("Prefer", "return-no-content");
            }

            if (request.Write)
            {
                sent.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
                sent.Content = RequestContent.Create(request.Entity);
            }

            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var response = message.Response;
            if (response.IsError)
            {
                throw new RequestFailedException(response);
            }

            return new TableAnswer(
                request.Write ? default : response.Content.ToMemory(),
                response.Headers.ETag?.ToString(),
                response.Headers.TryGetValue(NextPartitionHeader, out var partition) ? partition : null,
                response.Headers.TryGetValue(NextRowHeader, out var row) ? row : null,
                message);
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }
}
