namespace StompFunctions.DevHost;

/// <summary>
/// What a newcomer needs to start: the page, how to get a STOMP URL that connects (negotiate: the hub itself
/// refuses clients without a token unless <c>--anonymous</c>), publish, and the connection string.
/// </summary>
internal static class DevHostBanner
{
    public static void Print(TextWriter output, DevHostOptions options, string storage)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var http = $"http://localhost:{options.Port}";
        output.WriteLine($"StompFunctions DevHost is running (state: {storage})");
        output.WriteLine($"  Demo page:         {http}/");
        output.WriteLine($"  STOMP URL:         GET {http}/api/negotiate?userId=<name> answers {{\"url\":\"ws://…?access_token=…\"}}; connect to it with subprotocol v12.stomp");
        output.WriteLine(options.AllowAnonymous
            ? $"  STOMP endpoint:    ws://localhost:{options.Port}/client/hubs/{LocalStack.Hub} (anonymous clients allowed: --anonymous)"
            : $"  STOMP endpoint:    ws://localhost:{options.Port}/client/hubs/{LocalStack.Hub} (needs the access_token from negotiate, or start with --anonymous)");
        output.WriteLine($"  Publish:           POST {http}/api/publish/topic/<name>");
        // The emulator's development key is public (the same one Microsoft's emulator prints).
        output.WriteLine($"  Connection string: {LocalStack.ConnectionString(options)}");
        output.WriteLine("Press Ctrl+C to stop.");
        output.Flush();
    }
}
