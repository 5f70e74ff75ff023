using StompFunctions.WebPubSub;

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
        var emulator = options.EmulatorConnectionString is { } external ? WebPubSubConnectionString.Parse(external).Endpoint : null;
        var clients = emulator is null ? $"ws://localhost:{options.Port}" : $"{(emulator.Scheme == Uri.UriSchemeHttps ? "wss" : "ws")}://{emulator.Authority}";
        output.WriteLine($"StompFunctions DevHost is running (state: {storage})");
        output.WriteLine($"  Demo page:         {http}/");
        output.WriteLine($"  STOMP URL:         GET {http}/api/negotiate?userId=<name> answers {{\"url\":\"ws://…?access_token=…\"}}; connect to it with subprotocol v12.stomp");
        output.WriteLine(options.AllowAnonymous
            ? $"  STOMP endpoint:    {clients}/client/hubs/{LocalStack.Hub} (anonymous clients allowed: --anonymous)"
            : $"  STOMP endpoint:    {clients}/client/hubs/{LocalStack.Hub} (needs the access_token from negotiate{(emulator is null ? ", or start with --anonymous" : "")})");
        output.WriteLine($"  Publish:           POST {http}/api/publish/topic/<name>");
        if (emulator is null)
        {
            // The emulator's development key is public (the same one Microsoft's emulator prints).
            output.WriteLine($"  Connection string: {LocalStack.ConnectionString(options)}");
        }
        else
        {
            // Another process's emulator, whose key may be its own: named, never printed.
            output.WriteLine($"  Emulator:          {emulator.AbsoluteUri.TrimEnd('/')} (not in this process); its upstream: --hub {LocalStack.Hub} --upstream {LocalStack.UpstreamTemplate(options)}");
        }

        output.WriteLine("Press Ctrl+C to stop.");
        output.Flush();
    }
}
