using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using StompFunctions.Broker.Authorization;
using StompFunctions.Emulator;
using StompFunctions.WebPubSub.Tests.Infrastructure;
using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.WebPubSub.Tests.ClientAuthentication;

/// <summary>
/// The whole path of a role: a bearer token from the local issuer, negotiate, the Web PubSub token, the emulator's
/// connect event, the session, and the destination rules the engine enforces on a real WebSocket.
/// </summary>
public sealed class DestinationRulesThroughWebPubSubTests : IAsyncLifetime
{
    private const string Audience = "api://stomp-tests";

    private LocalOidcIssuer _issuer = null!;
    private WebPubSubEmulatorHost _emulator = null!;
    private NegotiateApp _app = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOidcIssuer.StartAsync();
        _emulator = await WebPubSubEmulatorHost.StartAsync();
        var rules = new DestinationRulesOptions
        {
            Rules =
            {
                new() { Pattern = "/queue/orders.*", Subscribe = { "orders" }, Send = { "orders" } },
                new() { Pattern = "/topic/**", Subscribe = { "@authenticated" } },
            },
        };
        _app = await NegotiateApp.StartAsync(
            new() { ["ClientAuthentication:Authority"] = _issuer.Authority, ["ClientAuthentication:Audiences"] = Audience },
            _emulator.ConnectionString,
            rules);
        var handler = new EmulatorEventHandlerOptions { UrlTemplate = new Uri(_app.Address, "/api/stomp").AbsoluteUri + "/{event}", UserEventPattern = "*" };
        handler.SystemEvents.Add("connect");
        handler.SystemEvents.Add("disconnected");
        var hub = new EmulatorHubOptions();
        hub.EventHandlers.Add(handler);
        _emulator.Options.Hubs["stomp"] = hub;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task STOMP_S37_a_role_from_the_identity_opens_what_its_rule_allows_and_nothing_else()
    {
        using var socket = await ConnectAsync(_issuer.CreateToken(Audience, roles: ["orders"]));

        Assert.StartsWith("RECEIPT", await ExchangeAsync(socket, "SUBSCRIBE\nid:0\ndestination:/queue/orders.eu\nreceipt:r1\n\n\0"), StringComparison.Ordinal);
        Assert.StartsWith("RECEIPT", await ExchangeAsync(socket, "SEND\ndestination:/queue/orders.us\nreceipt:r2\n\nx\0"), StringComparison.Ordinal);
        var error = await ExchangeAsync(socket, "SEND\ndestination:/topic/news\n\nx\0");
        Assert.StartsWith("ERROR", error, StringComparison.Ordinal);
        Assert.Contains("message:not allowed to send to /topic/news", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task STOMP_S37_without_the_role_the_same_SUBSCRIBE_gets_an_ERROR_naming_the_destination()
    {
        using var socket = await ConnectAsync(_issuer.CreateToken(Audience, subject: "bob"));

        var error = await ExchangeAsync(socket, "SUBSCRIBE\nid:0\ndestination:/queue/orders.eu\n\n\0");

        Assert.StartsWith("ERROR", error, StringComparison.Ordinal);
        Assert.Contains("message:not allowed to subscribe to /queue/orders.eu", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connect_event_starts_the_session_with_application_roles_and_never_Web_PubSub_permissions()
    {
        using var http = new HttpClient();
        var signature = UpstreamRequests.Signature(_emulator.Options.AccessKey, "c-roles");
        var body = """{"claims":{"sub":["ann"],"role":["webpubsub.joinLeaveGroup","orders"]},"subprotocols":["v12.stomp"]}""";

        using var response = await http.SendAsync(UpstreamRequests.Connect(new Uri(_app.Address, "/api/stomp/connect"), "c-roles", signature, body));

        var seal = new ConnectionStateSeal([_emulator.Options.AccessKey]);
        Assert.True(seal.TryOpen("c-roles", Assert.Single(response.Headers.GetValues("ce-connectionState")), out var state));
        using var json = JsonDocument.Parse(Convert.FromBase64String(state));
        Assert.Equal(["orders"], json.RootElement.GetProperty("r").EnumerateArray().Select(static r => r.GetString()));
    }

    private async Task<ClientWebSocket> ConnectAsync(string bearerToken)
    {
        using var response = await _app.NegotiateAsync(bearerToken);
        var url = await NegotiateApp.UrlAsync(response);
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("v12.stomp");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(url, timeout.Token);
        Assert.StartsWith("CONNECTED", await ExchangeAsync(socket, "CONNECT\naccept-version:1.2\nhost:stomp\n\n\0"), StringComparison.Ordinal);
        return socket;
    }

    /// <summary>Sends one frame and returns the next text message the server sends (bounded in time).</summary>
    private static async Task<string> ExchangeAsync(ClientWebSocket socket, string frame)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var buffer = new byte[64 * 1024];
        var received = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(received), timeout.Token) switch { var r => new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage) };
            received += result.Count;
        }
        while (!result.EndOfMessage && received < buffer.Length);

        return Encoding.UTF8.GetString(buffer, 0, received);
    }
}
