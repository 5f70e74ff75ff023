using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace StompFunctions.WebPubSub.Tests.Infrastructure;

/// <summary>Builds upstream CloudEvents requests as Web PubSub sends them, signed with a chosen key.</summary>
internal static class UpstreamRequests
{
    public static string Signature(string key, string connectionId) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(connectionId)));

    public static HttpRequestMessage Message(Uri url, string connectionId, string? signature, byte[] payload, string? state = null, string hub = "stomp", string contentType = "text/plain")
    {
        var request = Event(url, "azure.webpubsub.user.message", "message", connectionId, signature, hub);
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (state is not null)
        {
            request.Headers.TryAddWithoutValidation("ce-connectionState", state);
        }

        return request;
    }

    public static HttpRequestMessage Connect(Uri url, string connectionId, string? signature, string bodyJson, string hub = "stomp")
    {
        var request = Event(url, "azure.webpubsub.sys.connect", "connect", connectionId, signature, hub);
        request.Content = new StringContent(bodyJson, Encoding.UTF8, "application/json");
        return request;
    }

    public static HttpRequestMessage System(Uri url, string eventName, string connectionId, string? signature, string bodyJson = "{}")
    {
        var request = Event(url, "azure.webpubsub.sys." + eventName, eventName, connectionId, signature, "stomp");
        request.Content = new StringContent(bodyJson, Encoding.UTF8, "application/json");
        return request;
    }

    private static HttpRequestMessage Event(Uri url, string type, string eventName, string connectionId, string? signature, string hub)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.TryAddWithoutValidation("ce-specversion", "1.0");
        request.Headers.TryAddWithoutValidation("ce-awpsversion", "1.0");
        request.Headers.TryAddWithoutValidation("ce-type", type);
        request.Headers.TryAddWithoutValidation("ce-source", $"/hubs/{hub}/client/{connectionId}");
        request.Headers.TryAddWithoutValidation("ce-id", "1");
        request.Headers.TryAddWithoutValidation("ce-hub", hub);
        request.Headers.TryAddWithoutValidation("ce-connectionId", connectionId);
        request.Headers.TryAddWithoutValidation("ce-eventName", eventName);
        request.Headers.TryAddWithoutValidation("ce-subprotocol", "v12.stomp");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("ce-signature", signature);
        }

        return request;
    }
}
