namespace StompFunctions.DevHost;

/// <summary>What a newcomer needs to start: where to point a STOMP client, the page, the connection string.</summary>
internal static class DevHostBanner
{
    public static void Print(TextWriter output, DevHostOptions options, string storage)
    {
        output.WriteLine($"StompFunctions DevHost is running (state: {storage})");
        output.WriteLine($"  STOMP endpoint:    ws://localhost:{options.Port}/client/hubs/{LocalStack.Hub}");
        output.WriteLine($"  Demo page:         http://localhost:{options.Port}/");
        output.WriteLine($"  Negotiate:         http://localhost:{options.Port}/api/negotiate?userId=<name>");
        output.WriteLine($"  Publish:           POST http://localhost:{options.Port}/api/publish/topic/<name>");
        // The emulator's development key is public (the same one Microsoft's emulator prints).
        output.WriteLine($"  Connection string: {LocalStack.ConnectionString(options)}");
        output.WriteLine("Press Ctrl+C to stop.");
        output.Flush();
    }
}
