using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace StompFunctions.WebPubSub.Authentication;

/// <summary>
/// Signs every attempt of a REST request with a fresh access-key JWT whose audience is the full request
/// URL, query included, as the official .NET and JS SDKs do (webpubsub-protocol.md §4.2). It sits in the
/// per-retry stage so a retried request never carries a token minted for an earlier attempt.
/// </summary>
internal sealed class AccessKeyAuthenticationPolicy : HttpPipelineSynchronousPolicy
{
    private readonly AzureKeyCredential _credential;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lifetime;
    private KeyMaterial? _cached;

    public AccessKeyAuthenticationPolicy(AzureKeyCredential credential, TimeProvider timeProvider, TimeSpan lifetime)
    {
        _credential = credential;
        _timeProvider = timeProvider;
        _lifetime = lifetime;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var key = CurrentKey();
        var audience = message.Request.Uri.ToUri().AbsoluteUri;
        var token = AccessKeyJwt.Create(key, audience, _timeProvider.GetUtcNow(), _lifetime);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, "Bearer " + token);
    }

    /// <summary>Key bytes are re-derived only when <c>AzureKeyCredential.Update</c> swapped the key (rotation).</summary>
    private byte[] CurrentKey()
    {
        var key = _credential.Key;
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && ReferenceEquals(cached.Key, key))
        {
            return cached.Bytes;
        }

        cached = new KeyMaterial(key, Encoding.UTF8.GetBytes(key));
        Volatile.Write(ref _cached, cached);
        return cached.Bytes;
    }

    private sealed record KeyMaterial(string Key, byte[] Bytes);
}
