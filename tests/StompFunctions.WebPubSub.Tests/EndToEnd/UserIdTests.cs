using System.Net;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.EndToEnd;

/// <summary>Every Unicode user id works end to end; a user id with a control character is refused, never cut.</summary>
[Collection(StompStackCollection.Name)]
public sealed class UserIdTests
{
    private readonly StompStackFixture _stack;
    private readonly HttpClient _http = new();

    public UserIdTests(StompStackFixture stack) => _stack = stack;

    [Theory]
    [InlineData("ünï")]
    [InlineData("Зоя 😀")]
    [InlineData("a%41 b")]
    public async Task STOMP_S15_a_non_ascii_user_reaches_CONNECTED_and_a_handlers_sender_header_exactly(string user)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = await StompSocket.OpenAsync(_http, _stack.NegotiateUrl, user, timeout.Token);

        await StompSocket.SendAsync(socket, "CONNECT\naccept-version:1.2\nhost:/\n\n\0", timeout.Token);
        var connected = await StompSocket.ReceiveAsync(socket, timeout.Token);
        await StompSocket.SendAsync(socket, "SUBSCRIBE\nid:0\ndestination:/topic/whoami\nreceipt:r\n\n\0", timeout.Token);
        var receipt = await StompSocket.ReceiveAsync(socket, timeout.Token);
        await StompSocket.SendAsync(socket, "SEND\ndestination:/app/whoami\n\nhello\0", timeout.Token);
        var message = await StompSocket.ReceiveAsync(socket, timeout.Token);

        Assert.StartsWith("CONNECTED\n", connected, StringComparison.Ordinal);
        Assert.Contains("\nuser-name:" + user + "\n", connected, StringComparison.Ordinal);
        Assert.StartsWith("RECEIPT\n", receipt, StringComparison.Ordinal);
        Assert.StartsWith("MESSAGE\n", message, StringComparison.Ordinal);
        Assert.Contains("\nsender:" + user + "\n", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\r\nx")]
    [InlineData("a\nx")]
    [InlineData("a\0")]
    [InlineData("tab\there")]
    [InlineData("del\u007f")]
    public async Task Negotiate_refuses_a_user_id_with_a_control_character_with_400_and_a_reason(string user)
    {
        using var response = await _http.GetAsync(new Uri(_stack.NegotiateUrl, "?user=" + Uri.EscapeDataString(user)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("control character", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connect_event_whose_user_id_holds_a_line_break_is_refused_with_400()
    {
        using var request = UpstreamRequests.Connect(ConnectUrl, "c-crlf", UpstreamRequests.Signature(_stack.AccessKey, "c-crlf"), """{"subprotocols":["v12.stomp"]}""");
        request.Headers.TryAddWithoutValidation("ce-userId", "a%0D%0Ax");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("%C3")]
    [InlineData("%zz")]
    [InlineData("a%4")]
    public async Task A_user_id_header_that_is_not_percent_encoded_utf8_is_refused_with_400(string header)
    {
        using var request = UpstreamRequests.Connect(ConnectUrl, "c-bad-user", UpstreamRequests.Signature(_stack.AccessKey, "c-bad-user"), """{"subprotocols":["v12.stomp"]}""");
        request.Headers.TryAddWithoutValidation("ce-userId", header);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Uri ConnectUrl => new(_stack.UpstreamUrl.AbsoluteUri + "/connect");
}
