using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StompFunctions.Emulator;

namespace StompFunctions.Benchmarks.Upstream;

/// <summary>
/// The emulator's side of a client message: a WebSocket client sends 256 bytes of text; the emulator delivers them as a
/// signed CloudEvents <c>message</c> event over HTTP to a handler in the same process, which answers 200 with two bytes
/// and does nothing else; the emulator sends those back to the client. Beyond one bare HTTP hop, this is what the
/// emulator (Web PubSub's stand-in in the DevHost) spends per published message before the app's own work.
/// </summary>
internal sealed class EmulatorMessageHop : IAsyncDisposable
{
    private const string Hub = "benchhop";

    private readonly WebPubSubEmulatorHost _emulator;
    private readonly ClientWebSocket _socket;
    private readonly byte[] _message = new byte[256];
    private readonly byte[] _answer = new byte[64];

    private EmulatorMessageHop(WebPubSubEmulatorHost emulator, ClientWebSocket socket)
    {
        _emulator = emulator;
        _socket = socket;
        _message.AsSpan().Fill((byte)'x');
    }

    public static async Task<EmulatorMessageHop> StartAsync()
    {
        var emulator = await WebPubSubEmulatorHost.StartAsync(configureBuilder: HostingRuntime.ConfigureKestrel, configureApp: app =>
        {
            // Abuse protection (OPTIONS) lets any origin in; every event is answered "ok" as text.
            app.MapMethods("/handler/{event}", [HttpMethods.Options], static (HttpContext context) =>
            {
                context.Response.Headers["WebHook-Allowed-Origin"] = "*";
                return Results.Ok();
            });
            app.MapPost("/handler/{event}", static () => Results.Text("ok"));
        });

        // The handler URL needs the port, known only once started; hub settings are read afresh for each event.
        var hub = new EmulatorHubOptions { AnonymousConnectPolicy = AnonymousConnectPolicy.Allow };
        hub.EventHandlers.Add(new EmulatorEventHandlerOptions { UrlTemplate = emulator.Endpoint + "handler/{event}", UserEventPattern = "message" });
        emulator.Options.Hubs[Hub] = hub;

        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new UriBuilder(emulator.Endpoint) { Scheme = "ws", Path = "client/hubs/" + Hub }.Uri, timeout.Token);
        return new EmulatorMessageHop(emulator, socket);
    }

    /// <summary>One client message and the handler's answer back on the socket.</summary>
    public async Task SendAsync()
    {
        await _socket.SendAsync(_message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var received = await _socket.ReceiveAsync(_answer, CancellationToken.None);
        if (received.MessageType != WebSocketMessageType.Text || !received.EndOfMessage || received.Count != 2)
        {
            throw new InvalidOperationException($"The emulator answered a {received.MessageType} message of {received.Count} bytes.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await _emulator.DisposeAsync();
    }
}
