using Azure.Core;
using Azure.Core.Pipeline;

namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// Signs every attempt through the pipeline with SharedKeyLite (<see cref="SharedKeyLiteSigner"/>). Per retry, so each
/// attempt carries a fresh date.
/// </summary>
internal sealed class TableSharedKeyLitePolicy(SharedKeyLiteSigner signer) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var date = signer.CurrentDate();
        var request = message.Request;
        request.Headers.SetValue(SharedKeyLiteSigner.DateHeader, date);
        request.Headers.SetValue(HttpHeader.Names.Authorization, signer.Authorization(date, request.Uri.ToUri().AbsolutePath));
    }
}
