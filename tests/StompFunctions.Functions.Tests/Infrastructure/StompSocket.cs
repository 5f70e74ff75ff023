using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace StompFunctions.Functions.Tests.Infrastructure;

/// <summary>A raw STOMP 1.2 client over a WebSocket to the emulator, URL from the negotiate trigger; every wait is bounded.</summary>
internal sealed class StompSocket : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();

    private StompSocket()
    {
    }

    /// <summary>Negotiates a URL, opens the socket with <c>v12.stomp</c>, and completes CONNECT → CONNECTED.</summary>
    public static async Task<StompSocket> ConnectAsync(HttpClient http, Uri negotiate)
    {
        using var answer = await http.GetFromJsonAsync<JsonDocument>(negotiate);
        var url = new Uri(answer!.RootElement.GetProperty("url").GetString()!);
        var stomp = new StompSocket();
        stomp._socket.Options.AddSubProtocol("v12.stomp");
        using var timeout = new CancellationTokenSource(Wait);
        await stomp._socket.ConnectAsync(url, timeout.Token);
        var connected = await stomp.ExchangeAsync("CONNECT\naccept-version:1.2\nhost:stomp\n\n\0");
        Assert.StartsWith("CONNECTED\n", connected, StringComparison.Ordinal);
        return stomp;
    }

    /// <summary>Subscribes with a receipt and waits for it, so the subscription is stored when this returns.</summary>
    public async Task SubscribeAsync(string destination, string id = "sub-0")
    {
        var receipt = await ExchangeAsync($"SUBSCRIBE\nid:{id}\ndestination:{destination}\nreceipt:r-{id}\n\n\0");
        Assert.StartsWith("RECEIPT\n", receipt, StringComparison.Ordinal);
    }

    public async Task SendAsync(string frame)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next WebSocket message the server sends, as text.</summary>
    public async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }

    public async Task<string> ExchangeAsync(string frame)
    {
        await SendAsync(frame);
        return await ReceiveAsync();
    }

    /// <summary>Closes the WebSocket as a client leaving does; the service then sends the disconnected event.</summary>
    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
