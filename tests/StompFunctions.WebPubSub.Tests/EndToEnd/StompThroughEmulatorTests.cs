using System.Text.Json;
using Xunit.Abstractions;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.EndToEnd;

[Collection(StompStackCollection.Name)]
public sealed class StompThroughEmulatorTests
{
    private readonly StompStackFixture _stack;
    private readonly ITestOutputHelper _output;

    public StompThroughEmulatorTests(StompStackFixture stack, ITestOutputHelper output)
    {
        _stack = stack;
        _output = output;
    }

    [Fact]
    public async Task STOMP_S65_S66_S58_stompjs_connects_subscribes_sends_receives_and_gets_receipts_and_errors_through_the_whole_chain()
    {
        var run = await NodeRunner.RunAsync("stomp-e2e.mjs", [_stack.NegotiateUrl.AbsoluteUri], timeout: TimeSpan.FromSeconds(60));

        _output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.True(result.GetProperty("failures").GetArrayLength() == 0, run.StandardOutput);
        var checks = result.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToHashSet();
        string[] expected =
        [
            "subprotocol", "connected", "subscribe-receipt", "send-receipt", "message", "binary-message",
            "raw-connected", "split-frame", "error-frame", "closed-after-error", "non-stomp-refused", "disconnect",
        ];
        Assert.Subset(checks, expected.ToHashSet());
    }
}
