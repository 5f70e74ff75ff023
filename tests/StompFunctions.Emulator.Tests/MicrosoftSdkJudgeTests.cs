using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>
/// Microsoft's own JS SDKs judge the emulator: @azure/web-pubsub drives the REST API and generates client
/// tokens; @azure/web-pubsub-express is the upstream event handler. Each script asserts and prints its verdicts.
/// </summary>
public sealed class MicrosoftSdkJudgeTests
{
    private const string Hub = "judge";

    [Fact]
    public async Task Service_client_operations_reach_a_ws_client_connected_with_its_token()
    {
        var upstreamPort = FreePort.Next();
        await using var emulator = await WebPubSubEmulatorHost.StartAsync(options => options.Hubs[Hub] = HubWithHandler(upstreamPort, "connected"));

        var output = await NodeJudge.RunAsync("service-client.mjs", emulator, Hub, upstreamPort);

        Assert.Contains("JUDGE-OK closeConnection closes the socket with the given reason", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Express_event_handler_accepts_abuse_protection_and_gets_connect_message_and_disconnected_with_state()
    {
        var upstreamPort = FreePort.Next();
        await using var emulator = await WebPubSubEmulatorHost.StartAsync(options => options.Hubs[Hub] = HubWithHandler(upstreamPort, "connect,connected,disconnected"));

        var output = await NodeJudge.RunAsync("event-handler.mjs", emulator, Hub, upstreamPort);

        Assert.Contains("JUDGE-OK disconnected: carries the last connection state", output, StringComparison.Ordinal);
    }

    private static EmulatorHubOptions HubWithHandler(int upstreamPort, string systemEvents)
    {
        var handler = new EmulatorEventHandlerOptions
        {
            UrlTemplate = $"http://127.0.0.1:{upstreamPort}/eventhandler/{{event}}",
            UserEventPattern = "*",
        };
        foreach (var systemEvent in systemEvents.Split(','))
        {
            handler.SystemEvents.Add(systemEvent);
        }

        var hub = new EmulatorHubOptions();
        hub.EventHandlers.Add(handler);
        return hub;
    }
}
