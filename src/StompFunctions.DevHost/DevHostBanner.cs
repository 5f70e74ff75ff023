namespace StompFunctions.DevHost;

/// <summary>What a newcomer needs to start: where to point a STOMP client, the page, the connection string.</summary>
internal static class DevHostBanner
{
    public static void Print(TextWriter output, DevHostOptions options)
    {
        output.WriteLine("StompFunctions DevHost is running");
        output.WriteLine($"  Demo page:         http://localhost:{options.Port}/");
        output.WriteLine("Press Ctrl+C to stop.");
        output.Flush();
    }
}
