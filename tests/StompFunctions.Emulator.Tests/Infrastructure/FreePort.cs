using System.Net;
using System.Net.Sockets;

namespace StompFunctions.Emulator.Tests.Infrastructure;

/// <summary>A loopback port free right now, for a helper process that must be told its port in advance.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
