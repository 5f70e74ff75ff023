using System.Net.WebSockets;
using StompFunctions.Emulator.Connections;

namespace StompFunctions.Emulator.Tests;

/// <summary>The fan-out of one payload to many connections, inline and in parallel slices.</summary>
public sealed class FanOutTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(2_500)]
    public void Fan_out_reaches_every_selected_connection_exactly_once(int connections)
    {
        var streams = Enumerable.Range(0, connections).Select(_ => new MemoryStream()).ToList();
        var targets = streams.Select((stream, i) => new ClientConnection(
            "hub", "c" + i, null, [], null, null,
            WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true }), 10)).ToList();

        var sent = FanOut.Send(targets, c => c.ConnectionId != "c3", "hello"u8.ToArray(), binary: false);

        Assert.Equal(connections - 1, sent);
        for (var i = 0; i < connections; i++)
        {
            // A server text frame for 5 bytes is 2 header bytes + payload.
            Assert.Equal(i == 3 ? 0 : 7, streams[i].Length);
        }
    }
}
