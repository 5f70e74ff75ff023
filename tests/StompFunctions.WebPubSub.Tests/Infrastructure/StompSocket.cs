using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace StompFunctions.WebPubSub.Tests.Infrastructure;

/// <summary>A raw STOMP client over a WebSocket to the emulator: negotiate, connect, send frames, read whole messages.</summary>
internal static class StompSocket
{
    /// <summary>Negotiates a URL for <paramref name="user"/> and opens a <c>v12.stomp</c> socket to it.</summary>
    public static async Task<ClientWebSocket> OpenAsync(HttpClient http, Uri negotiateUrl, string user, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(negotiateUrl, "?user=" + Uri.EscapeDataString(user)), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = new Uri(JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("url").GetString()!);
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("v12.stomp");
        await socket.ConnectAsync(url, cancellationToken);
        return socket;
    }

    public static Task SendAsync(ClientWebSocket socket, string frame, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>The next whole WebSocket message as text.</summary>
    public static async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var count = 0;
        for (var reads = 0; reads < 1000; reads++)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
            count += result.Count;
            if (result.EndOfMessage)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(buffer, 0, count);
    }
}
