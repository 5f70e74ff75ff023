using System.Net;
using System.Text;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.EndToEnd;

/// <summary>
/// The service retries a <c>message</c> event whose answer it did not get, with the state it held before: the same
/// signed request twice. The subscriber (a real socket through the emulator) gets the message once, the sender the
/// same answer twice.
/// </summary>
[Collection(StompStackCollection.Name)]
public sealed class RetriedEventTests
{
    private static readonly byte[] Connect = Encoding.UTF8.GetBytes("CONNECT\naccept-version:1.2\nhost:/\n\n\0");
    private readonly StompStackFixture _stack;
    private readonly HttpClient _http = new();

    public RetriedEventTests(StompStackFixture stack) => _stack = stack;

    private Uri Message => new(_stack.UpstreamUrl.AbsoluteUri + "/message");

    [Fact]
    public async Task STOMP_S16_a_replayed_message_event_is_delivered_once_and_answered_the_same()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var subscriber = await StompSocket.OpenAsync(_http, _stack.NegotiateUrl, "listener", timeout.Token);
        await StompSocket.SendAsync(subscriber, "CONNECT\naccept-version:1.2\nhost:/\n\n\0", timeout.Token);
        await StompSocket.ReceiveAsync(subscriber, timeout.Token);
        await StompSocket.SendAsync(subscriber, "SUBSCRIBE\nid:0\ndestination:/topic/retried\nreceipt:r\n\n\0", timeout.Token);
        Assert.StartsWith("RECEIPT\n", await StompSocket.ReceiveAsync(subscriber, timeout.Token), StringComparison.Ordinal);

        const string Publisher = "retry-publisher";
        var signature = UpstreamRequests.Signature(_stack.AccessKey, Publisher);
        using var connected = await _http.SendAsync(UpstreamRequests.Message(Message, Publisher, signature, Connect), timeout.Token);
        var before = connected.Headers.GetValues("ce-connectionState").Single();
        var send = Encoding.UTF8.GetBytes("SEND\ndestination:/topic/retried\nreceipt:s1\n\nonce\0");

        using var first = await _http.SendAsync(UpstreamRequests.Message(Message, Publisher, signature, send, before), timeout.Token);
        using var retry = await _http.SendAsync(UpstreamRequests.Message(Message, Publisher, signature, send, before), timeout.Token);
        var after = first.Headers.GetValues("ce-connectionState").Single();
        using var next = await _http.SendAsync(UpstreamRequests.Message(Message, Publisher, signature, Encoding.UTF8.GetBytes("SEND\ndestination:/topic/retried\n\nnext\0"), after), timeout.Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(timeout.Token), await retry.Content.ReadAsStringAsync(timeout.Token));
        Assert.StartsWith("RECEIPT\nreceipt-id:s1\n", await retry.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
        Assert.Equal(after, retry.Headers.GetValues("ce-connectionState").Single());
        Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);

        // Group sends of one publisher arrive in order: "once" then "next", with nothing in between.
        Assert.EndsWith("\n\nonce\0", await StompSocket.ReceiveAsync(subscriber, timeout.Token), StringComparison.Ordinal);
        Assert.EndsWith("\n\nnext\0", await StompSocket.ReceiveAsync(subscriber, timeout.Token), StringComparison.Ordinal);
    }
}
