using Azure.Core;
using Azure.Core.Pipeline;

namespace StompFunctions.WebPubSub.Authentication;

/// <summary>
/// Signs every attempt of a REST request with an access-key JWT whose audience is the full request URL, query
/// included, as the official .NET and JS SDKs do (webpubsub-protocol.md §4.2). It sits in the per-retry stage, so
/// each attempt carries a token that is valid for at least half its lifetime (<see cref="AccessKeyTokenCache"/>).
/// </summary>
internal sealed class AccessKeyAuthenticationPolicy : HttpPipelineSynchronousPolicy
{
    private readonly AccessKeyTokenCache _tokens;

    public AccessKeyAuthenticationPolicy(AccessKeyTokenCache tokens) => _tokens = tokens;

    public override void OnSendingRequest(HttpMessage message)
    {
        var audience = message.Request.Uri.ToUri().AbsoluteUri;
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, _tokens.AuthorizationFor(audience));
    }
}
